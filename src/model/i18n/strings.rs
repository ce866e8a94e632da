//! The shape of one language's interface text: every message as a template
//! whose `{placeholders}` are filled in by [`super::Text`]. Each language is
//! one value of [`Strings`]: English is built in (`en.rs`, where the compiler
//! checks that no message is left out); every other language is read over
//! it from a file, whose messages must use the placeholders the English
//! does. A message that depends on a number has
//! a form per plural category ([`Forms`]).
//!
//! The field names are the message keys of a language file (`lang/*.json`),
//! with the plural form, the named day or the index after a dot
//! (`comments.one`, `named_ages.yesterday`, `month_names.0`): see
//! `language_file` and `slots`.

use serde::Serialize;

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

/// Every message of the interface in one language.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Strings {
    /// The BCP 47 tag of the language (`lang` attribute, `Intl` locale).
    pub code: &'static str,
    /// Between groups of three digits: "1,234", "1 234", "1.234".
    pub digit_group_separator: &'static str,

    // The thread
    /// `{n}`: the number of comments.
    pub comments: Forms,
    pub sort_group: Msg,
    pub sort_label: Msg,
    pub oldest: Msg,
    pub newest: Msg,
    pub most_liked: Msg,
    /// `{n}`: how many more are shown.
    pub show_more: Msg,
    pub loading: Msg,

    // Times
    pub just_now: Msg,
    /// `{amount}`: one of the unit forms below, such as "5 minutes".
    pub ago: Msg,
    pub minutes: Forms,
    pub hours: Forms,
    pub days: Forms,
    pub weeks: Forms,
    pub months: Forms,
    pub years: Forms,
    pub named_ages: NamedAges,
    /// Month names as the full date uses them ("November", "листопада").
    pub month_names: [Msg; 12],
    /// The full date and time: `{day}`, `{month}` (a name), `{year}`,
    /// `{hour}` (00 to 23), `{hour12}` (1 to 12), `{minute}` (00 to 59) and
    /// `{period}` (one of `day_periods`).
    pub full_time: Msg,
    /// Before and after noon, for `{period}`.
    pub day_periods: [Msg; 2],

    // One comment
    pub reply: Msg,
    /// `{name}`: the author of the comment answered.
    pub reply_to: Msg,
    /// `{name}`
    pub reply_title: Msg,
    pub like: Msg,
    /// The like button's accessible name; it starts with its visible text
    /// (`like` and the count) so that speech input users can say what they
    /// see. `{like}`, `{n}`: the likes, `{name}`: the author.
    pub like_label: Msg,
    pub link: Msg,
    /// `{name}`
    pub link_label: Msg,
    pub edit: Msg,
    pub delete: Msg,
    pub deleted: Msg,
    pub edited: Msg,
    /// `{n}`: the replies folded away ("[+] 3 replies").
    pub replies_folded: Forms,
    /// `{n}`
    pub show_replies: Forms,
    pub hide_replies: Msg,
    pub comment_deleted: Msg,
    pub undo: Msg,

    // The composer and the edit box
    pub join: Msg,
    pub name: Msg,
    pub comment: Msg,
    pub post: Msg,
    pub preview: Msg,
    pub nothing_to_preview: Msg,
    pub cancel: Msg,
    /// After "Ctrl+Enter".
    pub shortcut_hint: Msg,
    pub posted: Msg,
    pub edit_label: Msg,
    pub save: Msg,
    pub name_empty: Msg,
    pub text_empty: Msg,
    /// `{over}`: a `characters` form; `{max}`: the limit.
    pub name_too_long: Msg,
    /// `{over}`, `{max}`
    pub text_too_long: Msg,
    /// `{n}` characters.
    pub characters: Forms,
    /// `{size}`: a `characters` form; `{max}`: the comment limit.
    pub insert_refused: Msg,
    /// `{left}`: a `characters` form.
    pub counter_left: Msg,
    /// `{over}`: a `characters` form.
    pub counter_over: Msg,

    // Storage and failures
    pub storage_unavailable: Msg,
    pub storage_full: Msg,
    /// `{error}`: the name the browser gives the error.
    pub storage_failed: Msg,
    /// `{reason}`: one of the storage messages.
    pub not_posted: Msg,
    /// `{reason}`
    pub not_edited: Msg,
    /// `{reason}`
    pub not_deleted: Msg,
    /// `{reason}`
    pub not_restored: Msg,
    /// `{reason}`
    pub like_not_saved: Msg,
    pub only_own: Msg,

    // Export and import
    pub your_comments: Msg,
    pub export: Msg,
    pub import: Msg,
    /// `{file}`
    pub downloaded: Msg,
    pub download_failed: Msg,
    /// `{comments}`: a `new_comments` form, `{likes}`: a `likes` form.
    pub imported: Msg,
    /// `{n}`
    pub new_comments: Forms,
    /// `{n}`
    pub likes: Forms,
    /// `{reason}`: one of the import messages below.
    pub not_imported: Msg,
    pub import_no_file: Msg,
    pub import_unreadable: Msg,
    pub import_too_large: Msg,
    pub import_not_export: Msg,
    /// `{thread}`
    pub import_other_thread: Msg,
    /// `{index}`: its position in the file (from 1), `{field}`: the field
    /// at fault, as the file names it.
    pub import_bad_comment: Msg,
    /// `{index}`
    pub import_bad_like: Msg,

    // Settings and articles (for site owners, shown to readers too)
    /// `{theme}`
    pub unknown_theme: Msg,
    /// `{thread}`, `{max}`
    pub bad_thread: Msg,
    /// `{url}`
    pub article_unreachable: Msg,
    /// `{url}`, `{status}` (such as "404 Not Found")
    pub article_status: Msg,
    /// `{url}`, `{line}`, `{column}`
    pub article_not_json: Msg,
    /// `{url}`, `{field}`
    pub article_missing: Msg,
    /// `{url}`, `{field}`
    pub article_wrong_type: Msg,
    /// `{url}`, `{field}`
    pub article_empty: Msg,
    /// `{url}`, `{index}`: the comment's position (from 1).
    pub article_bad_comment: Msg,
    // The shared discussion's messages: only the relay build's WebAssembly
    // has them; native code has them too, to write and check every
    // language's file whole (`agora-language-files`).
    /// `{relay}`: what was given.
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    pub bad_relay: Msg,
    /// `{key}`
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    pub bad_moderator: Msg,
    /// `{pow}`
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    pub bad_pow: Msg,

    // The shared discussion (Nostr relays)
    /// Under the composer without relays.
    pub local_only: Msg,
    /// Beside the author of a reply whose parent is not in the thread.
    pub reply_unavailable: Msg,
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    /// Under the composer with relays.
    pub shared_publicly: Msg,
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    /// An own comment's status: posted before the thread was shared.
    pub delivery_local: Msg,
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    pub delivery_waiting: Msg,
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    /// `{sent}` of `{n}` relays.
    pub delivery_sent: Forms,
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    /// `{relay}`, `{reason}` (the relay's words).
    pub delivery_refused: Msg,
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    pub delivery_hidden: Msg,
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    /// In the edit box of a comment that relays have.
    pub edit_shared: Msg,
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    pub export_key: Msg,
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    pub export_key_warning: Msg,
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    /// Beside the count while relays are still sending older comments.
    pub loading_older: Msg,
}
