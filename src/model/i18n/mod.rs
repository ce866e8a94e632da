//! Every piece of interface text. Each language is one table of messages
//! ([`Strings`]): English is built in; every other language is a file,
//! `lang/<tag>.json` (served as `dist/lang/`), fetched only for the readers
//! who see it and read by [`language_file`].
//!
//! Pure: the plural category of a number comes from outside (the browser's
//! `Intl.PluralRules`; natively, the CLDR rules of `plural`), so every
//! message is covered by `cargo test`. Messages for site owners (bad
//! settings, articles that cannot be loaded) are here too: readers see
//! them as well.
//!
//! - `messages`: every message, declared once, with its English text;
//! - `strings`: the types of messages, and the macro that makes
//!   [`Strings`] and English from that table;
//! - `slots`: a message's position in a language file, and its key;
//! - [`language_file`]: reading a language's file over English;
//! - `lang`: which languages there are and which one a reader gets;
//! - `plural`: the plural rules;
//! - `text`: [`Text`], messages with their placeholders filled in;
//! - [`direction`]: language tags and which way they are written.

pub mod direction;
mod lang;
pub mod language_file;
mod messages;
mod plural;
mod slots;
pub mod strings;
mod text;

pub use direction::{Direction, LangTag};
pub use lang::Lang;
pub use plural::Plural;
pub use strings::{Forms, Strings};
pub use text::{Text, fill};
