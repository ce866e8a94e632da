//! A language file (`lang/<tag>.json`): one JSON object of messages by key,
//! as [`slot`] names them (`"reply"`, `"comments.one"`, `"month_names.0"`),
//! read over a base table. Each message that is there and fits the English
//! one (a text where English has one, the same placeholders) replaces the
//! base's; every other is kept from the base, and why is returned for the
//! console. So a file with a mistake costs only the messages it got wrong,
//! never a blank widget. A site owner's own file has the same shape.

use super::slots::{Slot, for_relays_only, slot};
use super::strings::Strings;
use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// The plural forms besides `other`, which a language may not have.
const FORMS: [&str; 5] = ["zero", "one", "two", "few", "many"];

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

/// `base` with the messages of `file` that fit `english`, and what was not
/// taken and why (in the file's order); `Err` says why no message was.
///
/// A plural message is one unit: a file that gives any of its forms gives
/// all the forms it means to (what it leaves out falls to its `other`), so
/// no form of the base's language is left among them.
pub fn read(english: &Strings, base: &Strings, file: &str) -> Result<(Strings, Vec<String>), String> {
    let mut reading = Reading { english: *english, strings: *base, problems: Vec::new(), plurals: Vec::new() };
    // Read entry by entry: no map of the whole file is built.
    let mut json = serde_json::Deserializer::from_str(file);
    if let Err(error) = json.deserialize_map(&mut reading).and_then(|()| json.end()) {
        return Err(format!("not a JSON object of texts ({error})"));
    }
    let Reading { mut strings, problems, plurals, .. } = reading;
    for (message, given) in plurals {
        for form in FORMS {
            if !given.contains(&form)
                && let Some(Slot::Optional(place)) = slot(&mut strings, &format!("{message}.{form}"))
            {
                *place = None;
            }
        }
    }
    Ok((strings, problems))
}

struct Reading {
    english: Strings,
    strings: Strings,
    problems: Vec<String>,
    /// The plural messages the file gave forms of, and which.
    plurals: Vec<(String, Vec<&'static str>)>,
}

/// A value of a file: a text, `null`, or anything else (refused on its own).
enum Entry {
    Text(String),
    Null,
    Other,
}

impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Entry, D::Error> {
        deserializer.deserialize_any(EntryVisitor)
    }
}

struct EntryVisitor;

impl<'de> Visitor<'de> for EntryVisitor {
    type Value = Entry;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a text or null")
    }
    fn visit_str<E>(self, text: &str) -> Result<Entry, E> {
        Ok(Entry::Text(text.to_string()))
    }
    fn visit_string<E>(self, text: String) -> Result<Entry, E> {
        Ok(Entry::Text(text))
    }
    fn visit_unit<E>(self) -> Result<Entry, E> {
        Ok(Entry::Null)
    }
    fn visit_none<E>(self) -> Result<Entry, E> {
        Ok(Entry::Null)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Entry, E> {
        Ok(Entry::Other)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Entry, E> {
        Ok(Entry::Other)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Entry, E> {
        Ok(Entry::Other)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Entry, E> {
        Ok(Entry::Other)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Entry, A::Error> {
        while items.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Entry::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Entry, A::Error> {
        while entries.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Entry::Other)
    }
}

impl<'de> Visitor<'de> for &mut Reading {
    type Value = ();

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("an object of texts by message key")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<(), A::Error> {
        while let Some((key, entry)) = entries.next_entry::<String, Entry>()? {
            let text = match entry {
                Entry::Text(text) => Some(text),
                Entry::Null => None,
                Entry::Other => {
                    self.problems.push(format!("\u{201c}{key}\u{201d}: not a text; the built-in text is used"));
                    continue;
                }
            };
            match take(&mut self.english, &mut self.strings, &key, text) {
                Ok(()) => {
                    if let Some((message, form)) = key.split_once('.')
                        && let Some(form) = FORMS.into_iter().chain(["other"]).find(|f| *f == form)
                    {
                        match self.plurals.iter_mut().find(|(m, _)| m == message) {
                            Some((_, given)) => given.push(form),
                            None => self.plurals.push((message.to_string(), vec![form])),
                        }
                    }
                }
                Err(None) => {}
                Err(Some(why)) => {
                    self.problems.push(format!("\u{201c}{key}\u{201d}: {why}; the built-in text is used"))
                }
            }
        }
        Ok(())
    }
}

/// Puts `text` in the place of `key` in `strings`, if it fits.
fn take(english: &mut Strings, strings: &mut Strings, key: &str, text: Option<String>) -> Result<(), Option<String>> {
    // A plural form says what its message's `other` says.
    let (message, form) = key.split_once('.').unwrap_or((key, ""));
    let model_key = if FORMS.contains(&form) { format!("{message}.other") } else { key.into() };
    let model = match slot(english, &model_key) {
        Some(Slot::Text(model)) => *model,
        Some(Slot::Optional(_)) => "",
        None if for_relays_only(&model_key) => return Err(None),
        None => return Err(Some("there is no such message".into())),
    };
    let Some(found) = text.as_deref() else {
        // `null`: a form or a named day this language does not have.
        return match slot(strings, key) {
            Some(Slot::Optional(place)) => {
                *place = None;
                Ok(())
            }
            _ => Err(Some("a text is needed".into())),
        };
    };
    if found.trim().is_empty() && key != "digit_group_separator" {
        return Err(Some("it is empty".into()));
    }
    let fits = match (key, form) {
        ("full_time", _) => placeholders(found).all(|part| DATE_PARTS.contains(&part)),
        // "one", "two", "zero" may say the number in words ("تعليقان").
        (_, "zero" | "one" | "two") => within(found, model),
        _ => within(found, model) && within(model, found),
    };
    if !fits {
        return Err(Some(format!("its placeholders must be those of \u{201c}{model}\u{201d}")));
    }
    let text = text.map(|text| &*Box::leak(text.into_boxed_str()));
    match (slot(strings, key), text) {
        (Some(Slot::Text(place)), Some(text)) => *place = text,
        (Some(Slot::Optional(place)), text) => *place = text,
        (Some(Slot::Text(_)), None) => return Err(Some("a text is needed".into())),
        (None, _) => return Err(Some("there is no such message".into())),
    }
    Ok(())
}
