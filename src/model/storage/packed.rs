//! Stored entries handed over from JavaScript in one string. Reading 10,000
//! entries one `key()`/`getItem()` call at a time crossed into JavaScript
//! 20,000 times and copied every key both ways; the store's reader instead
//! packs all of one thread's entries into one string, each key and value
//! prefixed by its length: `<len>:<key><len>:<value>…`.
//!
//! Lengths count UTF-16 code units, as JavaScript's `String.length` does, so
//! any text (quotes, newlines, emoji, garbage a host page wrote) passes
//! through unchanged and the format needs no escaping.

/// The `(key, value)` pairs of a packed string, in order. Stops at the first
/// malformed part (which the store's own reader never produces): entries
/// after it are left for the next load rather than misread.
pub fn entries(packed: &str) -> Entries<'_> {
    Entries { rest: packed }
}

pub struct Entries<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Entries<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let (key, rest) = take_field(self.rest)?;
        let (value, rest) = take_field(rest)?;
        self.rest = rest;
        Some((key, value))
    }
}

/// Splits `<len>:<text>` off the front of `s`.
fn take_field(s: &str) -> Option<(&str, &str)> {
    let (length, rest) = s.split_once(':')?;
    if length.is_empty() || length.len() > 10 || !length.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut units: usize = length.parse().ok()?;
    // Nearly all stored text is ASCII, one byte per UTF-16 unit: check that
    // at once rather than walking 3.5 MB (10,000 comments) a character at a time.
    if rest.len() >= units && rest.is_char_boundary(units) && rest.as_bytes()[..units].is_ascii() {
        return Some(rest.split_at(units));
    }
    let mut end = 0;
    for c in rest.chars() {
        if units == 0 {
            break;
        }
        units = units.checked_sub(c.len_utf16())?;
        end += c.len_utf8();
    }
    (units == 0).then(|| rest.split_at(end))
}

/// The packed form of `pairs`, as the JavaScript reader writes it (for tests
/// and for checking the two agree).
pub fn pack<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut packed = String::new();
    for (key, value) in pairs {
        for field in [key, value] {
            packed.push_str(&field.encode_utf16().count().to_string());
            packed.push(':');
            packed.push_str(field);
        }
    }
    packed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_any_text() {
        let pairs = [
            ("agora:v1:t:c:a", r#"{"v":1,"text":"a: 12:b"}"#),
            ("agora:v1:t:c:b", "😀 emoji count twice in UTF-16\nand newlines"),
            ("agora:v1:t:draft:new", ""),
            ("k", "3:abc"),
        ];
        let packed = pack(pairs);
        assert_eq!(entries(&packed).collect::<Vec<_>>(), pairs);
    }

    #[test]
    fn nothing_packed_is_no_entries() {
        assert_eq!(entries("").count(), 0);
    }

    #[test]
    fn stops_at_a_malformed_part_without_misreading() {
        let good = pack([("a", "1"), ("b", "2")]);
        for broken in ["x:a", "5:ab", "3:abc", ":a", "-1:a", "99999999999:a", "2:😀"] {
            let packed = format!("{good}{broken}");
            assert_eq!(entries(&packed).collect::<Vec<_>>(), [("a", "1"), ("b", "2")], "{broken}");
        }
    }

    #[test]
    fn a_length_never_splits_a_character() {
        // "😀" is two UTF-16 units; a length of 1 would cut it in half.
        assert_eq!(entries("1:😀1:a").count(), 0);
        assert_eq!(entries("2:😀1:a").collect::<Vec<_>>(), [("😀", "a")]);
    }
}
