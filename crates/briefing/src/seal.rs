//! Byte-identical output. printpdf names the file's identifiers from a counter that moves
//! with every document a process writes; we replace them, same length so that no offset
//! moves, with values derived from the scenario's hash.

/// Replaces the trailer `/ID` strings (32 characters each) with ones derived from `hash`.
pub fn stable_identifiers(mut pdf: Vec<u8>, hash: &str) -> Vec<u8> {
    let digits: Vec<u8> = hash.trim_start_matches("sha256:").bytes().collect();
    let derived = |offset: usize| -> Vec<u8> {
        (0..32)
            .map(|i| {
                digits
                    .get((i + offset) % digits.len().max(1))
                    .copied()
                    .unwrap_or(b'0')
            })
            .collect()
    };
    if let Some(at) = find(&pdf, b"/ID[") {
        // `/ID[(xxxxxxxx…)(yyyyyyyy…)]`: two literal strings of 32 characters.
        let mut cursor = at + 4;
        for offset in [0, 32] {
            let Some(open) = find(&pdf[cursor..], b"(").map(|o| cursor + o) else {
                break;
            };
            let (start, end) = (open + 1, open + 33);
            if end <= pdf.len() && pdf.get(end) == Some(&b')') {
                pdf[start..end].copy_from_slice(&derived(offset));
            }
            cursor = end;
        }
    }
    pdf
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
