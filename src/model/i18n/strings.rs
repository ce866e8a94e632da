//! The shape of one language's interface text: [`Strings`], a field per
//! message of the table in `messages.rs`, which the [`messages!`] macro
//! below turns into that struct, English, and the positions of a language
//! file. Every message is a template whose `{placeholders}` are filled in
//! by [`super::Text`]; a message that depends on a number has a form per
//! plural category ([`Forms`]).
//!
//! A message's key in a language file (`lang/*.json`) is its field name,
//! with the plural form, the named day or the index after a dot
//! (`comments.one`, `named_ages.yesterday`, `month_names.0`): the
//! [`Message`] trait says which, per type. See `language_file` and `slots`.

use serde::Serialize;

use super::slots::Slot;

pub use super::messages::Strings;

/// A message template, such as `"Reply to {name}"`.
pub type Msg = &'static str;

/// A message's forms for the CLDR plural categories. `other` is required;
/// a language that does not tell a category apart leaves it out, and
/// `other` is used for it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Forms {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zero: Option<Msg>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub one: Option<Msg>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub two: Option<Msg>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub few: Option<Msg>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub many: Option<Msg>,
    pub other: Msg,
}

impl Forms {
    /// Only the `other` form; add the others with struct update syntax:
    /// `Forms { one: Some("{n} reply"), ..Forms::other("{n} replies") }`.
    pub const fn other(other: Msg) -> Forms {
        Forms { zero: None, one: None, two: None, few: None, many: None, other }
    }

    /// `one` and `other`, as English and German need.
    pub const fn one_other(one: Msg, other: Msg) -> Forms {
        Forms { one: Some(one), ..Forms::other(other) }
    }
}

/// Words for "yesterday" and the like, where a language has them instead of
/// "1 day ago".
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct NamedAges {
    pub yesterday: Option<Msg>,
    pub day_before_yesterday: Option<Msg>,
    pub last_week: Option<Msg>,
    pub last_month: Option<Msg>,
    pub last_year: Option<Msg>,
}

/// What a message's type says of its places in a language file: one
/// position per key suffix, in this order.
pub trait Message {
    /// What follows the message's name in each of its keys: `""` for a
    /// single text, `".one"`, `".yesterday"`, `".0"`.
    const SUFFIXES: &'static [&'static str];
    /// Whether the positions are the forms of [`Forms`], `zero` to `other`.
    const PLURAL: bool = false;

    /// The place of the message's position `at` (from 0).
    fn slot(&mut self, at: usize) -> Option<Slot<'_>>;
}

impl Message for Msg {
    const SUFFIXES: &'static [&'static str] = &[""];

    fn slot(&mut self, at: usize) -> Option<Slot<'_>> {
        (at == 0).then_some(Slot::Text(self))
    }
}

impl Message for Forms {
    const SUFFIXES: &'static [&'static str] = &[".zero", ".one", ".two", ".few", ".many", ".other"];
    const PLURAL: bool = true;

    fn slot(&mut self, at: usize) -> Option<Slot<'_>> {
        Some(match at {
            0 => Slot::Optional(&mut self.zero),
            1 => Slot::Optional(&mut self.one),
            2 => Slot::Optional(&mut self.two),
            3 => Slot::Optional(&mut self.few),
            4 => Slot::Optional(&mut self.many),
            5 => Slot::Text(&mut self.other),
            _ => return None,
        })
    }
}

impl Message for NamedAges {
    const SUFFIXES: &'static [&'static str] =
        &[".yesterday", ".day_before_yesterday", ".last_week", ".last_month", ".last_year"];

    fn slot(&mut self, at: usize) -> Option<Slot<'_>> {
        Some(Slot::Optional(match at {
            0 => &mut self.yesterday,
            1 => &mut self.day_before_yesterday,
            2 => &mut self.last_week,
            3 => &mut self.last_month,
            4 => &mut self.last_year,
            _ => return None,
        }))
    }
}

/// Key suffixes of a list's items; a list longer than this fails to compile.
const INDICES: [&str; 12] = [".0", ".1", ".2", ".3", ".4", ".5", ".6", ".7", ".8", ".9", ".10", ".11"];

/// A list of texts, such as the month names.
impl<const N: usize> Message for [Msg; N] {
    const SUFFIXES: &'static [&'static str] = INDICES.split_at(N).0;

    fn slot(&mut self, at: usize) -> Option<Slot<'_>> {
        self.get_mut(at).map(Slot::Text)
    }
}

/// One message of the table as positions are counted from it.
pub struct Shape {
    /// Its name: a field of [`Strings`], the start of its keys.
    pub name: &'static str,
    /// [`Message::SUFFIXES`]: one position each.
    pub suffixes: &'static [&'static str],
    pub plural: bool,
    /// Only the relay build has it (they come last).
    pub relay_build: bool,
}

impl Shape {
    pub const fn of<M: Message>(name: &'static str, relay_build: bool) -> Shape {
        Shape { name, suffixes: M::SUFFIXES, plural: M::PLURAL, relay_build }
    }
}

/// Makes, from the table of `messages.rs` (every message once: its doc,
/// name, type and English text), in the module it is written in:
/// - [`Strings`], a field per message;
/// - `EN`, English;
/// - `TABLE`, every message's [`Shape`] in position order, from which
///   `slots` counts positions, keys and the layout;
/// - `place`, the place of a position in a [`Strings`].
///
/// The relay build's messages are fields only where that build (or native
/// code, which writes and checks every language's file whole) is compiled:
/// the usual WebAssembly carries neither their text nor their places. They
/// come last, so the usual build's positions are the same in both builds.
///
/// A name written twice fails to compile (a field declared twice), so the
/// keys are unique by construction.
macro_rules! messages {
    (
        every_build {
            $( $(#[$doc:meta])* $name:ident: $ty:ty = $english:expr, )*
        }
        relay_build {
            $( $(#[$relay_doc:meta])* $relay_name:ident: $relay_ty:ty = $relay_english:expr, )*
        }
    ) => {
        /// Every message of the interface in one language.
        #[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
        pub struct Strings {
            $( $(#[$doc])* pub $name: $ty, )*
            $(
                $(#[$relay_doc])*
                #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
                pub $relay_name: $relay_ty,
            )*
        }

        /// English, the built-in language.
        pub const EN: Strings = Strings {
            $( $name: $english, )*
            $(
                #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
                $relay_name: $relay_english,
            )*
        };

        /// Every message in position order: every build's, then the relay build's.
        pub const TABLE: &[super::strings::Shape] = &[
            $( super::strings::Shape::of::<$ty>(stringify!($name), false), )*
            $( super::strings::Shape::of::<$relay_ty>(stringify!($relay_name), true), )*
        ];

        /// The place of position `index` in `strings`, if this build has one.
        pub fn place(strings: &mut Strings, index: usize) -> Option<super::slots::Slot<'_>> {
            use super::strings::Message;
            match index {
                $( first::$name..=last::$name => strings.$name.slot(index - first::$name), )*
                $(
                    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
                    first::$relay_name..=last::$relay_name => strings.$relay_name.slot(index - first::$relay_name),
                )*
                _ => None,
            }
        }

        // Each message's first and last position, named as the message, for
        // the `match` above (a jump table, as small as a hand-numbered one).

        #[allow(non_upper_case_globals)]
        mod first {
            use super::super::slots::position_of;
            $( pub const $name: usize = position_of(stringify!($name)); )*
            $(
                #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
                pub const $relay_name: usize = position_of(stringify!($relay_name));
            )*
        }

        #[allow(non_upper_case_globals)]
        mod last {
            // The table's types, as the table names them.
            use super::*;
            use super::super::strings::Message;
            $( pub const $name: usize = super::first::$name + <$ty as Message>::SUFFIXES.len() - 1; )*
            $(
                #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
                pub const $relay_name: usize =
                    super::first::$relay_name + <$relay_ty as Message>::SUFFIXES.len() - 1;
            )*
        }
    };
}
pub(super) use messages;

/// Every template of a language by key (`key.form` for plural forms,
/// `key.index` in lists), as a language file holds them: what serde sees
/// of [`Strings`], independent of the positions.
#[cfg(test)]
pub fn templates(strings: &Strings) -> std::collections::BTreeMap<String, String> {
    fn walk(prefix: &str, value: &serde_json::Value, out: &mut std::collections::BTreeMap<String, String>) {
        match value {
            serde_json::Value::Object(fields) => {
                fields.iter().for_each(|(key, value)| walk(&format!("{prefix}{key}."), value, out))
            }
            serde_json::Value::Array(items) => {
                items.iter().enumerate().for_each(|(i, value)| walk(&format!("{prefix}{i}."), value, out))
            }
            serde_json::Value::String(text) => {
                out.insert(prefix.trim_end_matches('.').to_string(), text.clone());
            }
            _ => {}
        }
    }
    let mut out = std::collections::BTreeMap::new();
    walk("", &serde_json::to_value(strings).unwrap(), &mut out);
    out
}
