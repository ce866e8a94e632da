//! Where each message of a language goes in [`super::Strings`], by its position:
//! a language file in `dist/lang/` is an array of messages in this order
//! (written from `lang/<tag>.json` at build time), and a site owner's own
//! file names messages by the keys of `dist/lang/keys.json`, which are
//! these positions' names. Positions, keys and the layout are counted from
//! the table of `messages.rs` at compile time: the WebAssembly carries no
//! key (a `match` on 185 keys cost 3.7 KB gzipped, a list of them and its
//! search 1 KB more). Tests check that every position leads to the field
//! of its key's name.

use super::messages::TABLE;

pub use super::messages::place;

/// A message's place in a table.
pub enum Slot<'a> {
    Text(&'a mut &'static str),
    /// A plural form or a named age, which a language may not have.
    Optional(&'a mut Option<&'static str>),
}

/// How many messages every build has: positions `0..COUNT`.
pub const COUNT: usize = positions(false);
/// With the relay build's messages, which every file carries: positions
/// `COUNT..ALL` (the build without relays has no place for them).
pub const ALL: usize = COUNT + positions(true);

/// The digit group separator, the one message that may be a space.
pub const DIGIT_GROUP_SEPARATOR: usize = position_of("digit_group_separator");
/// The full date and time, whose placeholders a language may order and
/// choose (`day`, `month`, `hour12`, …).
pub const FULL_TIME: usize = position_of("full_time");
const _: () = assert!(DIGIT_GROUP_SEPARATOR < COUNT && FULL_TIME < COUNT, "a message the code names is missing");

/// The first position of each message with plural forms: its forms `zero`,
/// `one`, `two`, `few`, `many` and `other` follow one another.
const PLURALS: [usize; plural_messages()] = plural_starts();

/// The fingerprint of the positions' keys ([`fingerprint`] of [`KEYS`], which
/// a test checks): a built file starts with it, and the browser compares a
/// list of keys with it, so that a file made for another version of agora
/// (a stale copy beside a new WebAssembly) is refused rather than put
/// messages in the wrong places.
pub const LAYOUT: u32 = layout();

/// FNV-1a over the keys, each followed by a line break.
pub fn fingerprint<'a>(keys: impl IntoIterator<Item = &'a str>) -> u32 {
    keys.into_iter().flat_map(|key| key.bytes().chain([b'\n'])).fold(FNV_START, fnv)
}

const FNV_START: u32 = 0x811c_9dc5;

const fn fnv(hash: u32, byte: u8) -> u32 {
    (hash ^ byte as u32).wrapping_mul(0x0100_0193)
}

/// Which plural message position `index` is a form of (its first
/// position), and which form: 0 `zero` to 5 `other`.
pub fn plural_form(index: usize) -> Option<(usize, usize)> {
    PLURALS.into_iter().find(|start| (*start..start + 6).contains(&index)).map(|start| (start, index - start))
}

/// Every position's key, as files and `dist/lang/keys.json` name them:
/// where the WebAssembly is built, not in it.
#[cfg(not(target_arch = "wasm32"))]
pub static KEYS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    TABLE.iter().flat_map(|shape| shape.suffixes.iter().map(move |suffix| format!("{}{suffix}", shape.name))).collect()
});

// What follows runs at compile time (loops, since `for` is not `const`).

/// How many positions the messages of every build (`relay_build` false),
/// or the relay build's (true), take.
const fn positions(relay_build: bool) -> usize {
    let (mut i, mut n) = (0, 0);
    while i < TABLE.len() {
        if TABLE[i].relay_build == relay_build {
            n += TABLE[i].suffixes.len();
        }
        i += 1;
    }
    n
}

/// The first position of message `name`; [`ALL`] if there is none.
pub(super) const fn position_of(name: &str) -> usize {
    let (mut i, mut start) = (0, 0);
    while i < TABLE.len() {
        if same(TABLE[i].name, name) {
            return start;
        }
        start += TABLE[i].suffixes.len();
        i += 1;
    }
    ALL
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn plural_messages() -> usize {
    let (mut i, mut n) = (0, 0);
    while i < TABLE.len() {
        n += TABLE[i].plural as usize;
        i += 1;
    }
    n
}

const fn plural_starts() -> [usize; plural_messages()] {
    let mut out = [0; plural_messages()];
    let (mut i, mut n, mut start) = (0, 0, 0);
    while i < TABLE.len() {
        if TABLE[i].plural {
            out[n] = start;
            n += 1;
        }
        start += TABLE[i].suffixes.len();
        i += 1;
    }
    out
}

/// [`fingerprint`] of the keys, from the table.
const fn layout() -> u32 {
    let mut hash = FNV_START;
    let mut i = 0;
    while i < TABLE.len() {
        let mut s = 0;
        while s < TABLE[i].suffixes.len() {
            let parts = [TABLE[i].name.as_bytes(), TABLE[i].suffixes[s].as_bytes(), b"\n"];
            let mut p = 0;
            while p < parts.len() {
                let mut b = 0;
                while b < parts[p].len() {
                    hash = fnv(hash, parts[p][b]);
                    b += 1;
                }
                p += 1;
            }
            s += 1;
        }
        i += 1;
    }
    hash
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;
    use crate::model::i18n::messages::EN;
    use crate::model::i18n::strings::templates;

    /// The plural forms in position order ([`plural_form`]).
    const FORMS: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

    #[test]
    fn every_key_of_a_file_leads_to_the_message_of_its_name() {
        for (i, key) in KEYS.iter().enumerate() {
            let mut strings = EN;
            let marker: &'static str = Box::leak(format!("marker {i}").into_boxed_str());
            match place(&mut strings, i) {
                Some(Slot::Text(place)) => *place = marker,
                Some(Slot::Optional(place)) => *place = Some(marker),
                None => panic!("{key} has no place"),
            }
            assert_eq!(templates(&strings).get(key).map(String::as_str), Some(marker), "{key}");
            // What the reader knows of a position without its key.
            let form = key.rsplit_once('.').and_then(|(_, form)| FORMS.iter().position(|f| *f == form));
            assert_eq!(plural_form(i).map(|(_, form)| form), form, "{key}");
            assert_eq!(i == FULL_TIME, key == "full_time");
            assert_eq!(i == DIGIT_GROUP_SEPARATOR, key == "digit_group_separator");
        }
        assert_eq!(KEYS.len(), ALL);
        assert!(place(&mut EN.clone(), ALL).is_none());
        // Every message of English has a key (plural forms beyond its own too).
        for key in templates(&EN).keys() {
            assert!(KEYS.contains(key), "{key} has no key");
        }
        // Unique by construction (a name declared twice is a struct field
        // declared twice, which does not compile); a key suffix could still
        // make one name's key another's.
        let unique: std::collections::HashSet<_> = KEYS.iter().collect();
        assert_eq!(unique.len(), ALL, "keys are unique");
        // The relay build's messages come last, where the build without
        // relays has no place for them.
        assert!(KEYS[..COUNT].iter().all(|key| !key.starts_with("bad_relay")));
        assert!(KEYS[COUNT..].iter().any(|key| key == "bad_relay"));
        // The layout counted at compile time is the fingerprint the browser
        // takes of a `keys.json`.
        assert_eq!(fingerprint(KEYS.iter().map(String::as_str)), LAYOUT);
    }

    #[test]
    fn a_count_finds_its_words_in_the_first_positions() {
        // public/count.js (<agora-count>) reads a built file by these
        // positions, without keys.json: after the layout, the language's
        // code, the separator and the forms of `comments`.
        let first = ["code", "digit_group_separator", "comments.zero", "comments.one", "comments.two"];
        let forms = ["comments.few", "comments.many", "comments.other"];
        assert_eq!(KEYS[..8], [&first[..], &forms[..]].concat());
    }
}
