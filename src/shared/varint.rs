//! LEB128 variable-length integers for posting lists.

/// Appends `v` as an unsigned LEB128 varint.
pub fn put(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads one varint from the front of `bytes`, returning the value and the bytes consumed.
/// `None` when the bytes end early or the value does not fit in a `u32`.
#[inline]
pub fn get(bytes: &[u8]) -> Option<(u32, usize)> {
    // Fast path: most values in posting lists fit in one byte.
    if let Some(&b) = bytes.first() {
        if b < 0x80 {
            return Some((u32::from(b), 1));
        }
    }
    let mut v: u32 = 0;
    for (i, &b) in bytes.iter().enumerate().take(5) {
        let part = u32::from(b & 0x7f);
        if i == 4 && part > 0x0f {
            return None;
        }
        v |= part << (7 * i);
        if b & 0x80 == 0 {
            return Some((v, i + 1));
        }
    }
    None
}
