//! Reading a language's messages over a base table. A message that is there
//! and fits the English one (a text where English has one, the same
//! placeholders) replaces the base's; every other is kept from the base,
//! and why is returned for the console. So a file with a mistake costs only
//! the messages it got wrong, never a blank widget.
//!
//! Files come in two shapes, both read by [`read`] message by message:
//! - by position ([`super::slots`]): the languages agora ships, as
//!   `dist/lang/<tag>.json` serves them, a JSON array written at build time
//!   ([`positional_file`]) from the keyed `lang/<tag>.json`;
//! - by key (`"reply"`, `"comments.one"`, `"month_names.0"`): the files
//!   translators write, and a site owner's own (`strings="…"`), whose keys
//!   [`by_key`] places with the list in `dist/lang/keys.json`.
//!
//! The browser parses the JSON (`JSON.parse`): the WebAssembly carries no
//! key and no JSON reader of its own for these files.

use super::slots::{self, DIGIT_GROUP_SEPARATOR, FULL_TIME, Slot, place, plural_form};
use super::strings::Strings;

/// How many messages a file by position has.
pub const MESSAGES: usize = slots::ALL;

/// Whether a file by position of `values` values, the first of them
/// `layout`, was made for this build's positions: [`slots::LAYOUT`], then
/// [`MESSAGES`] messages.
pub fn made_for_this_build(layout: f64, values: usize) -> bool {
    layout == f64::from(slots::LAYOUT) && values == 1 + MESSAGES
}

/// Whether `keys` (`dist/lang/keys.json`) are the keys of this build's
/// positions, in their order.
pub fn keys_of_this_build<K: AsRef<str>>(keys: &[K]) -> bool {
    keys.len() == MESSAGES && slots::fingerprint(keys.iter().map(AsRef::as_ref)) == slots::LAYOUT
}

/// The parts `full_time` may use, in any order a language writes a date.
const DATE_PARTS: [&str; 7] = ["day", "month", "year", "hour", "hour12", "minute", "period"];

/// Every `{placeholder}` in a template (repeats included).
pub fn placeholders(template: &str) -> impl Iterator<Item = &str> {
    template.split('{').skip(1).filter_map(|rest| rest.split_once('}')).map(|(name, _)| name)
}

/// Whether every placeholder of `text` is one of `model`'s.
fn within(text: &str, model: &str) -> bool {
    placeholders(text).all(|p| placeholders(model).any(|q| q == p))
}

/// A value of a file: a text, `null` (a plural form or a named day the
/// language does not have), or anything else (refused on its own).
pub enum Entry {
    Text(String),
    Null,
    Other,
}

/// Why a message of a file was not taken.
#[derive(Debug, PartialEq)]
pub enum Refusal {
    NotAText,
    Empty,
    TextNeeded,
    /// The placeholders must be those of this English text.
    Placeholders(&'static str),
}

impl Refusal {
    /// The console's line for message `name`.
    pub fn say(&self, name: &str) -> String {
        let why = match self {
            Refusal::NotAText => "not a text".to_string(),
            Refusal::Empty => "it is empty".to_string(),
            Refusal::TextNeeded => "a text is needed".to_string(),
            Refusal::Placeholders(model) => format!("its placeholders must be those of \u{201c}{model}\u{201d}"),
        };
        format!("\u{201c}{name}\u{201d}: {why}; the built-in text is used")
    }
}

/// The console's line for a key that names no message.
pub fn unknown_key(key: &str) -> String {
    format!("\u{201c}{key}\u{201d}: there is no such message; it is passed over")
}

/// A keyed file's messages by position, and its keys that name no message.
pub type Placed = (Vec<(usize, Entry)>, Vec<String>);

/// The positions of a keyed file's `entries` by `keys` (the list of
/// `dist/lang/keys.json`, or [`slots::KEYS`] where agora is built), and
/// the keys that name no message.
pub fn by_key<K: AsRef<str>>(keys: &[K], entries: impl IntoIterator<Item = (String, Entry)>) -> Placed {
    let mut placed = Vec::new();
    let mut unknown = Vec::new();
    for (key, entry) in entries {
        match keys.iter().position(|k| k.as_ref() == key) {
            Some(index) => placed.push((index, entry)),
            None => unknown.push(key),
        }
    }
    (placed, unknown)
}

/// `base` with the messages of `entries` (by position) that fit `english`,
/// and the positions not taken and why. Positions beyond this build's
/// messages (the relay build's, in the build without relays) are passed
/// over.
///
/// A plural message is one unit: a file that gives any of its forms gives
/// all the forms it means to (what it leaves out falls to its `other`), so
/// no form of the base's language is left among them.
pub fn read(
    english: &Strings,
    base: &Strings,
    entries: impl IntoIterator<Item = (usize, Entry)>,
) -> (Strings, Vec<(usize, Refusal)>) {
    let mut models = *english;
    let mut strings = *base;
    let mut refused = Vec::new();
    // The forms taken of each plural message (by its first position), one bit each.
    let mut taken_forms: Vec<(usize, u8)> = Vec::new();
    for (index, entry) in entries {
        match take(&mut models, &mut strings, index, entry) {
            Ok(()) => {
                if let Some((start, form)) = plural_form(index) {
                    match taken_forms.iter_mut().find(|(s, _)| *s == start) {
                        Some((_, forms)) => *forms |= 1 << form,
                        None => taken_forms.push((start, 1 << form)),
                    }
                }
            }
            Err(Some(why)) => refused.push((index, why)),
            Err(None) => {}
        }
    }
    for (start, forms) in taken_forms {
        // Every form but `other` (5), which is always there.
        for form in (0..5).filter(|form| forms & (1 << form) == 0) {
            if let Some(Slot::Optional(place)) = place(&mut strings, start + form) {
                *place = None;
            }
        }
    }
    (strings, refused)
}

/// Puts `entry` in the place of message `index` in `strings`, if it fits;
/// `Err(None)`: a message this build has no place for.
fn take(english: &mut Strings, strings: &mut Strings, index: usize, entry: Entry) -> Result<(), Option<Refusal>> {
    let text = match entry {
        Entry::Text(text) => Some(text),
        Entry::Null => None,
        Entry::Other => return Err(Some(Refusal::NotAText)),
    };
    // A plural form says what its message's `other` says.
    let form = plural_form(index);
    let model = match place(english, form.map_or(index, |(start, _)| start + 5)) {
        Some(Slot::Text(model)) => *model,
        Some(Slot::Optional(_)) => "",
        None => return Err(None),
    };
    let Some(found) = text else {
        // `null`: a form or a named day this language does not have.
        return match place(strings, index) {
            Some(Slot::Optional(place)) => {
                *place = None;
                Ok(())
            }
            _ => Err(Some(Refusal::TextNeeded)),
        };
    };
    if found.trim().is_empty() && index != DIGIT_GROUP_SEPARATOR {
        return Err(Some(Refusal::Empty));
    }
    let fits = match form {
        _ if index == FULL_TIME => placeholders(&found).all(|part| DATE_PARTS.contains(&part)),
        // "zero", "one" and "two" may say the number in words ("تعليقان").
        Some((_, 0..=2)) => within(&found, model),
        _ => within(&found, model) && within(model, &found),
    };
    if !fits {
        return Err(Some(Refusal::Placeholders(model)));
    }
    let text: &'static str = Box::leak(found.into_boxed_str());
    match place(strings, index) {
        Some(Slot::Text(place)) => *place = text,
        Some(Slot::Optional(place)) => *place = Some(text),
        None => return Err(None),
    }
    Ok(())
}

/// A value of a file as parsed natively (the browser's is `src/fetch.rs`).
#[cfg(not(target_arch = "wasm32"))]
impl From<serde_json::Value> for Entry {
    fn from(value: serde_json::Value) -> Entry {
        match value {
            serde_json::Value::String(text) => Entry::Text(text),
            serde_json::Value::Null => Entry::Null,
            _ => Entry::Other,
        }
    }
}

/// A keyed file (`lang/<tag>.json`) read over `base`, with every problem as
/// the console would say it; `Err` when it is not a JSON object. Where
/// agora is built and tested; the browser reads keyed files with its own
/// `JSON.parse` (`src/fetch.rs`).
#[cfg(not(target_arch = "wasm32"))]
pub fn read_keyed(english: &Strings, base: &Strings, file: &str) -> Result<(Strings, Vec<String>), String> {
    let object: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(file).map_err(|error| format!("not a JSON object of texts ({error})"))?;
    let keys = slots::KEYS.as_slice();
    let (placed, unknown) = by_key(keys, object.into_iter().map(|(key, value)| (key, value.into())));
    let (strings, refused) = read(english, base, placed);
    let problems = unknown.iter().map(|key| unknown_key(key));
    let refusals = refused.iter().map(|(index, why)| why.say(keys.get(*index).map_or("", String::as_str)));
    Ok((strings, problems.chain(refusals).collect()))
}

/// `strings` as `dist/lang/<tag>.json` serves them: a JSON array of
/// [`slots::LAYOUT`], then one message per position (`null` for a form the
/// language does not have).
#[cfg(not(target_arch = "wasm32"))]
pub fn positional_file(strings: &Strings) -> Result<String, String> {
    use serde_json::Value;
    let mut strings = *strings;
    let messages = (0..MESSAGES).map(|index| match place(&mut strings, index) {
        Some(Slot::Text(text)) => Value::from(*text),
        Some(Slot::Optional(text)) => text.map_or(Value::Null, Value::from),
        None => Value::Null,
    });
    let file: Vec<Value> = std::iter::once(Value::from(slots::LAYOUT)).chain(messages).collect();
    serde_json::to_string(&file).map_err(|error| error.to_string())
}

/// Every key, in position order, as `dist/lang/keys.json` lists them.
#[cfg(not(target_arch = "wasm32"))]
pub fn keys_file() -> Result<String, String> {
    serde_json::to_string(slots::KEYS.as_slice()).map_err(|error| error.to_string())
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::model::i18n::messages::EN;
    use crate::model::i18n::strings::templates;

    #[test]
    fn every_language_file_has_every_message_with_the_english_placeholders() {
        // Every message but the plural forms and named days a language may lack.
        // (Named days are all there, as text or null.)
        let optional = |key: &str| {
            key.rsplit_once('.').is_some_and(|(message, form)| {
                message != "named_ages" && ["zero", "one", "two", "few", "many"].contains(&form)
            })
        };
        let required: Vec<String> = templates(&EN).into_keys().filter(|key| !optional(key)).collect();
        for lang in Lang::ALL.into_iter().filter(|lang| *lang != Lang::En) {
            // Read as the browser reads it: nothing refused.
            let (_, problems) = read_keyed(&EN, &EN, lang.file()).unwrap();
            assert_eq!(problems, Vec::<String>::new(), "{lang:?}");
            let file: serde_json::Map<String, serde_json::Value> = serde_json::from_str(lang.file()).unwrap();
            for key in &required {
                assert!(file.contains_key(key), "{lang:?} lacks {key}");
            }
            assert_eq!(file["code"], lang.code(), "{lang:?}");
            for (key, template) in templates(lang.bundled()) {
                // A separator may be a space; a message may not be blank.
                let blank =
                    if key == "digit_group_separator" { template.is_empty() } else { template.trim().is_empty() };
                assert!(!blank, "{lang:?} {key} is empty");
            }
        }
    }

    #[test]
    fn every_language_reads_the_same_from_its_built_file() {
        for lang in Lang::ALL.into_iter().filter(|lang| *lang != Lang::En) {
            let built: Vec<serde_json::Value> =
                serde_json::from_str(&positional_file(lang.bundled()).unwrap()).unwrap();
            assert_eq!(built.len(), 1 + MESSAGES);
            assert_eq!(built[0], slots::LAYOUT, "it starts with the layout it was made for");
            let entries = built.into_iter().skip(1).map(Entry::from);
            let (strings, refused) = read(&EN, &EN, entries.enumerate());
            assert_eq!(refused, vec![], "{lang:?}");
            assert_eq!(&strings, lang.bundled(), "{lang:?}");
        }
        let keys: Vec<String> = serde_json::from_str(&keys_file().unwrap()).unwrap();
        assert_eq!(keys, *slots::KEYS);
    }

    #[test]
    fn a_file_with_mistakes_costs_only_the_messages_it_got_wrong() {
        let file = r#"{"reply": "Répondre", "reply_to": "Répondre à {nom}", "like": null, "bogus": "x",
            "comments.one": "{n} commentaire", "comments.other": "{n} commentaires", "month_names.12": "x",
            "bad_relay": "Relais « {relay} » inutilisable", "named_ages.yesterday": null}"#;
        let (strings, problems) = read_keyed(&EN, &EN, file).unwrap();
        assert_eq!(strings.reply, "Répondre");
        assert_eq!(strings.comments.one, Some("{n} commentaire"));
        assert_eq!(strings.named_ages.yesterday, None, "a language without a word for it");
        assert_eq!(strings.reply_to, EN.reply_to, "a wrong placeholder keeps the built-in text");
        assert_eq!(strings.like, EN.like);
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("reply_to") && p.contains("{name}")), "{problems:?}");
        // One value of the wrong kind costs only itself; a form not given falls to the file's `other`.
        let (strings, problems) =
            read_keyed(&EN, &EN, r#"{"like": 5, "post": " ", "comments.other": "{n} réponses"}"#).unwrap();
        assert_eq!((strings.like, strings.post, strings.comments.one), (EN.like, EN.post, None));
        assert_eq!(problems.len(), 2, "{problems:?}");
        for broken in ["", "[]", "not json", "{\"reply\": ", "{\"reply\": \"x\"} and more"] {
            assert!(read_keyed(&EN, &EN, broken).is_err(), "{broken}");
        }
    }
}
