//! The bytes of a notice file as text: which encoding, binary or not, line endings.
//!
//! | bytes (tested in this order) | read as |
//! |---|---|
//! | `FF FE` / `FE FF` first | UTF-16 little / big endian (binary if it holds a NUL character) |
//! | a NUL byte anywhere | binary: not text |
//! | `EF BB BF` first | UTF-8 (the byte-order mark dropped) |
//! | valid UTF-8 | UTF-8 |
//! | otherwise, an HTML page declaring its charset (`<meta charset>`) | that charset |
//! | otherwise, valid GB18030 in which at least [`GB_COMMON_PERCENT`]% of the two-byte characters are GB2312 symbols or hanzi | GB18030 (a superset of GBK and GB2312) |
//! | anything else | an error naming the first byte that is not UTF-8 |
//!
//! Every decoder is strict: a malformed byte is an error with its offset, never a U+FFFD.
//! The share test keeps Latin-1, Big5, random bytes or a damaged UTF-8 file from being taken
//! for GBK: in Chinese text almost every character is in GB2312, while bytes of other origins
//! decode (when they decode at all) mostly into the rare GBK extension areas.

use encoding_rs::{DecoderResult, Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};
use std::fmt;

/// Bytes not valid UTF-8 are GB18030 only if at least this share (in percent) of their
/// two-byte characters lie in GB2312's symbol and hanzi rows.
pub const GB_COMMON_PERCENT: usize = 80;

/// A file's text, or why it has none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decoded {
    /// The text (line endings still as in the file) and the encoding it was read from.
    Text { text: String, encoding: &'static str },
    /// A NUL byte (or, in UTF-16, a NUL character) at this byte offset: not a text file.
    Binary { offset: usize },
}

/// Bytes that are not text in any encoding accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// Byte offset (from the start of the file) of the first byte that could not be read.
    pub offset: usize,
    /// 1-based line of that byte (lines counted by `\n` bytes; for UTF-16 by characters).
    pub line: usize,
    /// Up to four bytes from `offset`, for the message.
    pub bytes: Vec<u8>,
    /// What was tried.
    pub reason: String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hex: Vec<String> = self.bytes.iter().map(|b| format!("{b:02X}")).collect();
        write!(f, "not readable as text at byte offset {} (line {}, bytes {}): {}", self.offset, self.line, hex.join(" "), self.reason)
    }
}

impl DecodeError {
    fn at(file: &[u8], offset: usize, reason: String) -> Self {
        let offset = offset.min(file.len());
        let line = 1 + file[..offset].iter().filter(|&&b| b == b'\n').count();
        let bytes = file[offset..].iter().take(4).copied().collect();
        DecodeError { offset, line, bytes, reason }
    }
}

/// Decodes a notice file. `declared` is a charset the file names itself (an HTML `<meta>`),
/// used only when the bytes are not UTF-8.
pub fn decode(file: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    for (bom, enc) in [(b"\xFF\xFE", UTF_16LE), (b"\xFE\xFF", UTF_16BE)] {
        if let Some(rest) = file.strip_prefix(bom) {
            let s = strict(enc, rest).map_err(|at| {
                let mut e = DecodeError::at(file, 2 + at, format!("not valid {} after its byte-order mark", enc.name()));
                e.line = 1 + utf16_units(rest, enc == UTF_16LE).take(at / 2).filter(|&u| u == 0x0A).count();
                e
            })?;
            if let Some(nul) = s.find('\0') {
                let units: usize = s[..nul].chars().map(char::len_utf16).sum();
                return Ok(Decoded::Binary { offset: 2 + 2 * units });
            }
            return Ok(text(s, enc.name()));
        }
    }
    if let Some(offset) = file.iter().position(|&b| b == 0) {
        return Ok(Decoded::Binary { offset });
    }
    if let Some(rest) = file.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(s) => Ok(text(s.to_string(), "UTF-8")),
            Err(e) => Err(DecodeError::at(file, 3 + e.valid_up_to(), "not valid UTF-8 after a UTF-8 byte-order mark".into())),
        };
    }
    let (utf8_error, cut) = match std::str::from_utf8(file) {
        Ok(s) => return Ok(text(s.to_string(), "UTF-8")),
        Err(e) => (e.valid_up_to(), e.error_len().is_none()),
    };
    let not_utf8 = |more: String| {
        let what = if cut { "not UTF-8 (it ends inside a UTF-8 character: cut off?)" } else { "not UTF-8" };
        DecodeError::at(file, utf8_error, format!("{what}, {more}"))
    };
    if let Some(enc) = declared.map(Encoding::output_encoding).filter(|e| *e != UTF_8) {
        return match strict(enc, file) {
            Ok(s) => Ok(text(s, enc.name())),
            Err(at) => Err(DecodeError::at(file, at, format!("not valid {}, the charset the page declares", enc.name()))),
        };
    }
    match strict(GB18030, file) {
        Err(at) => Err(not_utf8(format!("and not GB18030/GBK either (invalid GB18030 at byte offset {at})"))),
        Ok(s) => {
            let (common, all) = gb_two_byte_chars(file);
            if common * 100 >= all * GB_COMMON_PERCENT {
                Ok(text(s, "GB18030"))
            } else {
                Err(not_utf8(format!(
                    "and not plausibly GB18030/GBK: only {common} of its {all} two-byte characters are common Chinese \
                     (at least {GB_COMMON_PERCENT}% expected)"
                )))
            }
        }
    }
}

fn utf16_units(bytes: &[u8], little: bool) -> impl Iterator<Item = u16> + '_ {
    bytes.chunks_exact(2).map(move |p| if little { u16::from_le_bytes([p[0], p[1]]) } else { u16::from_be_bytes([p[0], p[1]]) })
}

fn text(text: String, encoding: &'static str) -> Decoded {
    Decoded::Text { text, encoding }
}

/// Decodes all of `bytes` with `enc`, or the offset of the first malformed byte.
fn strict(enc: &'static Encoding, bytes: &[u8]) -> Result<String, usize> {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len().saturating_mul(3) / 2 + 16);
    let mut read = 0;
    loop {
        let rest = bytes.get(read..).unwrap_or_default();
        let (result, n) = decoder.decode_to_string_without_replacement(rest, &mut out, true);
        read += n;
        match result {
            DecoderResult::InputEmpty => return Ok(out),
            DecoderResult::OutputFull => out.reserve(rest.len().saturating_sub(n).saturating_mul(3) + 16),
            DecoderResult::Malformed(bad, extra) => return Err(read.saturating_sub(usize::from(bad) + usize::from(extra))),
        }
    }
}

/// `(common, all)`: two-byte characters of valid GB18030 `bytes`, and how many of them are
/// in GB2312's symbol rows (lead A1–A9) or hanzi rows (lead B0–F7) with a trail byte A1–FE.
fn gb_two_byte_chars(bytes: &[u8]) -> (usize, usize) {
    let (mut common, mut all, mut i) = (0, 0, 0);
    while let Some(&lead) = bytes.get(i) {
        match (lead, bytes.get(i + 1).copied()) {
            (0x81..=0xFE, Some(0x30..=0x39)) => {
                all += 1; // four-byte sequence: never common
                i += 4;
            }
            (0x81..=0xFE, Some(trail)) => {
                all += 1;
                if matches!(lead, 0xA1..=0xA9 | 0xB0..=0xF7) && matches!(trail, 0xA1..=0xFE) {
                    common += 1;
                }
                i += 2;
            }
            _ => i += 1,
        }
    }
    (common, all)
}

/// Line ends (`\r\n`, `\r`, U+2028/2029, NEL, form feed, vertical tab) become `\n`; other
/// control characters become spaces; byte-order marks inside the text are dropped.
pub fn normalize_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\u{FEFF}' => {}
            '\t' => out.push('\t'),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// True when `s` has nothing to index: only white space and invisible format characters.
pub fn is_blank(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}'))
}
