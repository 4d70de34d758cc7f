//! Snippets and reader views: where the query matches inside one notice, as marked segments.
//!
//! All offsets are computed here, so the UI only concatenates segments.

use crate::results::Segment;

/// Characters of text shown in a snippet.
pub const SNIPPET_CHARS: usize = 80;
/// Characters of context kept before the first match in a snippet.
pub const CONTEXT_CHARS: usize = 20;

/// A match inside one notice, in characters from the notice's start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    pub start: usize,
    pub len: usize,
    pub term: usize,
}

/// Appends to `out` the occurrences of `key` (labelled `term`) starting in `range`
/// (notice-relative), in order, at most `max` of them. `class_at` gives a class for any
/// position, 0 past the notice's end, so no match can run over it.
pub fn find(
    class_at: &impl Fn(usize) -> u16,
    range: std::ops::Range<usize>,
    key: &[u16],
    term: usize,
    max: usize,
    out: &mut Vec<Occurrence>,
) {
    let Some((&first, rest)) = key.split_first() else { return };
    let mut found = 0;
    for start in range {
        if found >= max {
            return;
        }
        if class_at(start) == first
            && rest.iter().enumerate().all(|(d, &k)| class_at(start + 1 + d) == k)
        {
            out.push(Occurrence { start, len: key.len(), term });
            found += 1;
        }
    }
}

/// Picks the window of about [`SNIPPET_CHARS`] characters that covers the most distinct terms
/// (then the most matches, then the earliest). Matches inside `avoid` (the title line) are
/// used only when there are no others. `occ` is sorted by start. Returns the char range of the
/// window.
pub fn best_window(
    occ: &[Occurrence],
    len: usize,
    avoid: std::ops::Range<usize>,
    line_start: impl Fn(usize) -> usize,
) -> std::ops::Range<usize> {
    let after_title = occ.partition_point(|o| o.start < avoid.end);
    let pool = if after_title < occ.len() { &occ[after_title..] } else { occ };
    // With no match after a title at the very start, the snippet starts after the title.
    let floor = if avoid.start == 0 && pool.first().is_none_or(|o| o.start >= avoid.end) {
        (avoid.end + 1).min(len)
    } else {
        0
    };
    let Some(first) = pool.first() else {
        return floor..(floor + SNIPPET_CHARS).min(len);
    };
    let span = SNIPPET_CHARS - CONTEXT_CHARS;
    let mut counts = [0usize; 64];
    let slot = |o: &Occurrence| o.term % 64;
    let (mut distinct, mut j) = (0, 0);
    let mut best = (0usize, 0usize, first.start);
    for i in 0..pool.len() {
        while j < pool.len() && pool[j].start + pool[j].len <= pool[i].start + span {
            counts[slot(&pool[j])] += 1;
            if counts[slot(&pool[j])] == 1 {
                distinct += 1;
            }
            j += 1;
        }
        if (distinct, j - i) > (best.0, best.1) {
            best = (distinct, j - i, pool[i].start);
        }
        if j > i {
            counts[slot(&pool[i])] -= 1;
            if counts[slot(&pool[i])] == 0 {
                distinct -= 1;
            }
        } else {
            j = i + 1;
        }
    }
    let anchor = best.2;
    let start = anchor.saturating_sub(CONTEXT_CHARS).max(line_start(anchor).min(anchor)).max(floor.min(anchor));
    let mut end = (start + SNIPPET_CHARS).min(len);
    for o in occ {
        if o.start < end && o.start + o.len > end {
            end = o.start + o.len;
        }
    }
    start..end.min(len)
}

/// Cuts `chars` (the window's characters, starting at char `offset` of the notice) into
/// segments, marking every occurrence; `out` may already hold segments (e.g. an ellipsis).
/// White space is shown as single spaces when `one_line`.
pub fn segments(chars: &[char], offset: usize, occ: &[Occurrence], one_line: bool, out: &mut Vec<Segment>) {
    let mut marked = vec![false; chars.len()];
    for o in occ {
        let a = o.start.saturating_sub(offset).min(chars.len());
        let b = (o.start + o.len).saturating_sub(offset).min(chars.len());
        for m in marked.get_mut(a..b).unwrap_or_default() {
            *m = true;
        }
    }
    let mut i = 0;
    while i < chars.len() {
        let hit = marked[i];
        let run = marked[i..].iter().take_while(|&&m| m == hit).count();
        let mut text = String::with_capacity(run * 3);
        for &c in &chars[i..i + run] {
            if one_line && c.is_whitespace() {
                if !text.ends_with(' ') {
                    text.push(' ');
                }
            } else {
                text.push(c);
            }
        }
        out.push(Segment { text, hit });
        i += run;
    }
}
