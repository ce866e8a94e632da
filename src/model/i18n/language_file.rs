//! A language file (`lang/<tag>.json`): one JSON object of messages by key,
//! as [`slot`] names them (`"reply"`, `"comments.one"`, `"month_names.0"`),
//! read over a base table. Each message that is there and fits the English
//! one (a text where English has one, the same placeholders) replaces the
//! base's; every other is kept from the base, and why is returned for the
//! console. So a file with a mistake costs only the messages it got wrong,
//! never a blank widget. A site owner's own file has the same shape.

use super::slots::{Slot, slot};
use super::strings::Strings;
use serde::de::{Deserializer, MapAccess, Visitor};

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
pub fn read(english: &Strings, base: &Strings, file: &str) -> Result<(Strings, Vec<String>), String> {
    let mut reading = Reading { english: *english, strings: *base, problems: Vec::new() };
    // Read entry by entry: no map of the whole file is built.
    match serde_json::Deserializer::from_str(file).deserialize_map(&mut reading) {
        Ok(()) => Ok((reading.strings, reading.problems)),
        Err(error) => Err(format!("not a JSON object of texts ({error})")),
    }
}

struct Reading {
    english: Strings,
    strings: Strings,
    problems: Vec<String>,
}

impl<'de> Visitor<'de> for &mut Reading {
    type Value = ();

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("an object of texts by message key")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<(), A::Error> {
        while let Some((key, text)) = entries.next_entry::<String, Option<String>>()? {
            match take(&mut self.english, &mut self.strings, &key, text) {
                Ok(()) | Err(None) => {}
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
    let model_key =
        if ["zero", "one", "two", "few", "many"].contains(&form) { format!("{message}.other") } else { key.into() };
    let model = match slot(english, &model_key) {
        Some(Slot::Text(model)) => *model,
        Some(Slot::Optional(_)) => "",
        None if RELAY_MESSAGES.contains(&message) => return Err(None),
        None => return Err(Some("there is no such message".into())),
    };
    let found = text.as_deref().unwrap_or_default();
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

/// The relay build's messages: files carry them for every build.
const RELAY_MESSAGES: [&str; 12] = [
    "bad_relay",
    "bad_moderator",
    "bad_pow",
    "shared_publicly",
    "delivery_local",
    "delivery_waiting",
    "delivery_sent",
    "delivery_refused",
    "delivery_hidden",
    "edit_shared",
    "export_key",
    "export_key_warning",
];
