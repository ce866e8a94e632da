//! Every piece of interface text. Each language is one table of messages
//! ([`Strings`]): English is built in (`en.rs`); every other language is a
//! file, `lang/<tag>.json` (served as `dist/lang/`), fetched only for the
//! readers who see it and read by [`language_file`]. [`Text`] fills the
//! placeholders and picks plural forms.
//!
//! Pure: the plural category of a number comes from outside (the browser's
//! `Intl.PluralRules`; natively, the CLDR rules below), so every message is
//! covered by `cargo test`. Messages for site owners (bad settings, articles
//! that cannot be loaded) are here too: readers see them as well.

pub mod direction;
mod en;
pub mod language_file;
mod slots;
pub mod strings;
pub use direction::{Direction, LangTag};
pub use strings::{Forms, Strings};

use super::age::{Age, AgeUnit, LocalTime};
use super::validate::{Field, FieldError, Limits, TEXT_LIMITS, length};

/// An interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Ar,
    De,
    Es,
    Fr,
    He,
    It,
    Ja,
    Ko,
    Nl,
    Pl,
    Pt,
    Tr,
    Uk,
    ZhHans,
}

impl Lang {
    pub const ALL: [Lang; 15] = [
        Lang::En,
        Lang::Ar,
        Lang::De,
        Lang::Es,
        Lang::Fr,
        Lang::He,
        Lang::It,
        Lang::Ja,
        Lang::Ko,
        Lang::Nl,
        Lang::Pl,
        Lang::Pt,
        Lang::Tr,
        Lang::Uk,
        Lang::ZhHans,
    ];

    /// The BCP 47 tag: the `lang` attribute, the `Intl` locale, and the name
    /// of the language's file (`lang/<code>.json`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
            Lang::De => "de",
            Lang::Es => "es",
            Lang::Fr => "fr",
            Lang::He => "he",
            Lang::It => "it",
            Lang::Ja => "ja",
            Lang::Ko => "ko",
            Lang::Nl => "nl",
            Lang::Pl => "pl",
            Lang::Pt => "pt",
            Lang::Tr => "tr",
            Lang::Uk => "uk",
            Lang::ZhHans => "zh-Hans",
        }
    }

    /// The built-in messages: English only; every other language is a file.
    pub fn built_in(self) -> Option<&'static Strings> {
        (self == Lang::En).then_some(&en::EN)
    }

    pub fn direction(self) -> Direction {
        match self {
            Lang::Ar | Lang::He => Direction::Rtl,
            _ => Direction::Ltr,
        }
    }

    /// The language of a BCP 47 tag (`uk-UA`, `de`, `EN-gb`, `pt-BR`), if
    /// supported, by its primary subtag. Chinese: Simplified for `zh`,
    /// `zh-CN`, `zh-SG` and `zh-Hans`; none for Traditional (`zh-TW`,
    /// `zh-HK`, `zh-MO`, `zh-Hant`), which has no file yet.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase();
        let mut subtags = tag.split(['-', '_']);
        let primary = subtags.next()?;
        if primary == "zh" {
            let (mut traditional, mut simplified) = (false, false);
            for subtag in subtags {
                traditional |= matches!(subtag, "hant" | "tw" | "hk" | "mo");
                simplified |= subtag == "hans";
            }
            return (!traditional || simplified).then_some(Lang::ZhHans);
        }
        Lang::ALL.into_iter().find(|lang| lang.code() == primary)
    }

    /// The embed's `lang` attribute, then `?lang=`, then the browser's
    /// languages in order of preference; English if none is supported.
    pub fn negotiate(attribute: Option<&str>, query: Option<&str>, browser: &[String]) -> Lang {
        attribute
            .and_then(Lang::from_tag)
            .or_else(|| query.and_then(Lang::from_tag))
            .or_else(|| browser.iter().find_map(|tag| Lang::from_tag(tag)))
            .unwrap_or_default()
    }

    /// The language's file in `lang/`, compiled in for native code (tests,
    /// the first screen); the WebAssembly fetches it. `{}` for English.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn file(self) -> &'static str {
        match self {
            Lang::En => "{}",
            Lang::Ar => include_str!("../../../lang/ar.json"),
            Lang::De => include_str!("../../../lang/de.json"),
            Lang::Es => include_str!("../../../lang/es.json"),
            Lang::Fr => include_str!("../../../lang/fr.json"),
            Lang::He => include_str!("../../../lang/he.json"),
            Lang::It => include_str!("../../../lang/it.json"),
            Lang::Ja => include_str!("../../../lang/ja.json"),
            Lang::Ko => include_str!("../../../lang/ko.json"),
            Lang::Nl => include_str!("../../../lang/nl.json"),
            Lang::Pl => include_str!("../../../lang/pl.json"),
            Lang::Pt => include_str!("../../../lang/pt.json"),
            Lang::Tr => include_str!("../../../lang/tr.json"),
            Lang::Uk => include_str!("../../../lang/uk.json"),
            Lang::ZhHans => include_str!("../../../lang/zh-Hans.json"),
        }
    }

    /// The language's messages from its [`Lang::file`] (native code).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn bundled(self) -> &'static Strings {
        use std::collections::HashMap;
        use std::sync::{Mutex, OnceLock};
        static READ: OnceLock<Mutex<HashMap<Lang, &'static Strings>>> = OnceLock::new();
        if let Some(strings) = self.built_in() {
            return strings;
        }
        let mut read = READ.get_or_init(Mutex::default).lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        read.entry(self).or_insert_with(|| {
            let strings =
                language_file::read_keyed(&en::EN, &en::EN, self.file()).map_or(en::EN, |(strings, _)| strings);
            Box::leak(Box::new(strings))
        })
    }
}

/// A CLDR plural category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Plural {
    /// The category named by `Intl.PluralRules.prototype.select`.
    pub fn from_name(name: &str) -> Plural {
        match name {
            "zero" => Plural::Zero,
            "one" => Plural::One,
            "two" => Plural::Two,
            "few" => Plural::Few,
            "many" => Plural::Many,
            _ => Plural::Other,
        }
    }

    /// English's rule, for the built-in text outside a widget.
    pub fn english(_: Lang, n: u64) -> Plural {
        if n == 1 { Plural::One } else { Plural::Other }
    }

    /// The CLDR rules for whole numbers, for native use (tests, the first
    /// screen); the browser's `Intl.PluralRules` decides in the WebAssembly.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn cldr(lang: Lang, n: u64) -> Plural {
        let million = n != 0 && n.is_multiple_of(1_000_000);
        let (n10, n100) = (n % 10, n % 100);
        match lang {
            Lang::Ja | Lang::Ko | Lang::ZhHans => Plural::Other,
            Lang::En | Lang::De | Lang::Nl | Lang::Tr => {
                if n == 1 {
                    Plural::One
                } else {
                    Plural::Other
                }
            }
            Lang::Fr | Lang::Pt | Lang::Es | Lang::It => match n {
                0 | 1 if matches!(lang, Lang::Fr | Lang::Pt) => Plural::One,
                1 => Plural::One,
                _ if million => Plural::Many,
                _ => Plural::Other,
            },
            Lang::Uk => match (n10, n100) {
                (1, m) if m != 11 => Plural::One,
                (2..=4, m) if !(12..=14).contains(&m) => Plural::Few,
                _ => Plural::Many,
            },
            Lang::Pl => match (n, n10, n100) {
                (1, _, _) => Plural::One,
                (_, 2..=4, m) if !(12..=14).contains(&m) => Plural::Few,
                _ => Plural::Many,
            },
            Lang::Ar => match (n, n100) {
                (0, _) => Plural::Zero,
                (1, _) => Plural::One,
                (2, _) => Plural::Two,
                (_, 3..=10) => Plural::Few,
                (_, 11..=99) => Plural::Many,
                _ => Plural::Other,
            },
            Lang::He => match n {
                1 => Plural::One,
                2 => Plural::Two,
                _ => Plural::Other,
            },
        }
    }
}

impl Forms {
    /// The form for a category, or `other` where the language has none.
    pub fn pick(&self, category: Plural) -> &'static str {
        let form = match category {
            Plural::Zero => self.zero,
            Plural::One => self.one,
            Plural::Two => self.two,
            Plural::Few => self.few,
            Plural::Many => self.many,
            Plural::Other => None,
        };
        form.unwrap_or(self.other)
    }
}

/// Fills the `{name}` placeholders of a template. A placeholder without a
/// value stays as it is, so a mistake in a table shows rather than vanishes.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values.iter().find(|(key, _)| *key == name).map(|(_, value)| (*value, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The interface text of one language. Plain messages are read as fields
/// of the language's table (`text.reply`); a message with placeholders is a
/// method of the same name that fills them (`text.reply_to("Ann")`).
#[derive(Clone, Copy, Debug)]
pub struct Text {
    pub lang: Lang,
    strings: &'static Strings,
    plural: fn(Lang, u64) -> Plural,
}

impl std::ops::Deref for Text {
    type Target = Strings;

    fn deref(&self) -> &Strings {
        self.strings
    }
}

impl Text {
    pub fn new(lang: Lang, strings: &'static Strings, plural: fn(Lang, u64) -> Plural) -> Text {
        Text { lang, strings, plural }
    }

    /// The messages.
    pub fn strings(&self) -> &'static Strings {
        self.strings
    }

    /// English with the CLDR rules: outside a widget, and where a
    /// language's file could not be had.
    pub fn english() -> Text {
        Text::new(Lang::En, &en::EN, Plural::english)
    }

    /// A language with its bundled file and the CLDR rules (native code and tests).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn cldr(lang: Lang) -> Text {
        Text::new(lang, lang.bundled(), Plural::cldr)
    }

    /// 1,234 / 1 234 / 1.234
    pub fn number(&self, n: u64) -> String {
        let digits = n.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(self.digit_group_separator);
            }
            out.push(c);
        }
        out
    }

    /// The form of `forms` for `n`, with `{n}` filled in.
    pub fn count(&self, forms: &Forms, n: u64) -> String {
        fill(forms.pick((self.plural)(self.lang, n)), &[("n", &self.number(n))])
    }

    fn characters(&self, n: usize) -> String {
        self.count(&self.strings.characters, n as u64)
    }

    /// A message whose one placeholder is `{name}`.
    fn with_name(template: &str, name: &str) -> String {
        fill(template, &[("name", name)])
    }

    /// A message whose one placeholder is `{reason}`.
    fn with_reason(template: &str, reason: &str) -> String {
        fill(template, &[("reason", reason)])
    }

    // The thread

    /// The heading: "8 Comments", "1 коментар", "5 Kommentare".
    pub fn comments(&self, n: usize) -> String {
        self.count(&self.strings.comments, n as u64)
    }

    pub fn show_more(&self, n: usize) -> String {
        fill(self.strings.show_more, &[("n", &self.number(n as u64))])
    }

    /// "November 24, 2026 at 7:57 PM", "24 листопада 2026 р. о 19:57",
    /// "24. November 2026 um 19:57": what `Intl.DateTimeFormat` (dateStyle
    /// "long", timeStyle "short") gives, written out here because building
    /// that formatter costs 15 to 30 ms of the first screen.
    pub fn full_time(&self, t: LocalTime) -> String {
        let month = self.month_names[(t.month.clamp(1, 12) - 1) as usize];
        let hour12 = if t.hour.is_multiple_of(12) { 12 } else { t.hour % 12 };
        let period = self.day_periods[usize::from(t.hour >= 12)];
        fill(
            self.strings.full_time,
            &[
                ("day", &t.day.to_string()),
                ("month", month),
                ("year", &t.year.to_string()),
                ("hour", &format!("{:02}", t.hour)),
                ("hour12", &hour12.to_string()),
                ("minute", &format!("{:02}", t.minute)),
                ("period", period),
            ],
        )
    }

    /// "5 minutes ago", "yesterday", "5 хвилин тому", "vor 5 Minuten": the
    /// words `Intl.RelativeTimeFormat` (numeric: "auto") gives, written out
    /// here because building that formatter costs 15 ms of the first screen.
    pub fn ago(&self, age: Age) -> String {
        let Age::Ago(n, unit) = age else { return self.just_now.into() };
        use AgeUnit::*;
        let named = &self.named_ages;
        let named = match (unit, n) {
            (Day, 1) => named.yesterday,
            (Day, 2) => named.day_before_yesterday,
            (Week, 1) => named.last_week,
            (Month, 1) => named.last_month,
            (Year, 1) => named.last_year,
            _ => None,
        };
        if let Some(words) = named {
            return words.into();
        }
        let forms = match unit {
            Minute => &self.minutes,
            Hour => &self.hours,
            Day => &self.days,
            Week => &self.weeks,
            Month => &self.months,
            Year => &self.years,
        };
        fill(self.strings.ago, &[("amount", &self.count(forms, n))])
    }

    // One comment

    pub fn reply_to(&self, name: &str) -> String {
        Text::with_name(self.strings.reply_to, name)
    }

    /// The reply box's heading: the name is isolated (U+2068 … U+2069), so
    /// that a name in the other direction, or one ending in punctuation,
    /// is not reordered with the words around it. Labels that only speech
    /// reads need no isolation.
    pub fn reply_title(&self, name: &str) -> String {
        // Without the name's own direction controls, which could end the isolation early.
        let name: String =
            name.chars().filter(|c| !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')).collect();
        Text::with_name(self.strings.reply_title, &format!("\u{2068}{name}\u{2069}"))
    }

    pub fn like_label(&self, name: &str, likes: u32) -> String {
        fill(self.strings.like_label, &[("n", &self.number(u64::from(likes))), ("name", name)])
    }

    pub fn link_label(&self, name: &str) -> String {
        Text::with_name(self.strings.link_label, name)
    }

    pub fn replies_folded(&self, n: usize) -> String {
        self.count(&self.strings.replies_folded, n as u64)
    }

    pub fn show_replies(&self, n: usize) -> String {
        self.count(&self.strings.show_replies, n as u64)
    }

    // The composer and the edit box

    /// What to fix in a field.
    pub fn field_error(&self, field: Field, error: FieldError) -> String {
        match (error, field) {
            (FieldError::Empty, Field::Name) => self.name_empty.into(),
            (FieldError::Empty, Field::Text) => self.text_empty.into(),
            (FieldError::TooLong { max, over }, field) => {
                let template = match field {
                    Field::Name => self.name_too_long,
                    Field::Text => self.text_too_long,
                };
                fill(template, &[("over", &self.characters(over)), ("max", &self.number(max as u64))])
            }
        }
    }

    /// A paste or drop too large to insert (see `validate::LARGEST_INSERT`).
    pub fn insert_refused(&self, characters: usize) -> String {
        fill(
            self.strings.insert_refused,
            &[("size", &self.characters(characters)), ("max", &self.number(TEXT_LIMITS.max as u64))],
        )
    }

    /// The counter shown near the limit, or `None` well short of it.
    pub fn counter(&self, input: &str, limits: Limits) -> Option<String> {
        let used = length(input);
        if used < limits.counter_from {
            return None;
        }
        Some(if used <= limits.max {
            fill(self.counter_left, &[("left", &self.characters(limits.max - used))])
        } else {
            fill(self.counter_over, &[("over", &self.characters(used - limits.max))])
        })
    }

    // Storage and failures

    /// `error` is the name the browser gives the error ("UnknownError").
    pub fn storage_failed(&self, error: &str) -> String {
        fill(self.strings.storage_failed, &[("error", error)])
    }

    pub fn not_posted(&self, reason: &str) -> String {
        Text::with_reason(self.strings.not_posted, reason)
    }

    pub fn not_edited(&self, reason: &str) -> String {
        Text::with_reason(self.strings.not_edited, reason)
    }

    pub fn not_deleted(&self, reason: &str) -> String {
        Text::with_reason(self.strings.not_deleted, reason)
    }

    pub fn not_restored(&self, reason: &str) -> String {
        Text::with_reason(self.strings.not_restored, reason)
    }

    pub fn like_not_saved(&self, reason: &str) -> String {
        Text::with_reason(self.strings.like_not_saved, reason)
    }

    // Export and import

    pub fn downloaded(&self, file: &str) -> String {
        fill(self.strings.downloaded, &[("file", file)])
    }

    pub fn imported(&self, comments: usize, likes: usize) -> String {
        fill(
            self.strings.imported,
            &[
                ("comments", &self.count(&self.new_comments, comments as u64)),
                ("likes", &self.count(&self.likes, likes as u64)),
            ],
        )
    }

    /// "Nothing was imported: " and why.
    pub fn not_imported(&self, reason: &str) -> String {
        Text::with_reason(self.strings.not_imported, reason)
    }

    /// Why an import file was refused.
    pub fn import_error(&self, error: &super::ImportError) -> String {
        use super::ImportError as E;
        let reason = match error {
            E::NoFile => self.import_no_file.into(),
            E::Unreadable => self.import_unreadable.into(),
            E::TooLarge => self.import_too_large.into(),
            E::NotAnExport => self.import_not_export.into(),
            E::OtherThread(thread) => fill(self.import_other_thread, &[("thread", thread)]),
            E::BadComment { index, field } => {
                fill(self.import_bad_comment, &[("index", &self.number(*index as u64 + 1)), ("field", field)])
            }
            E::BadLike(index) => fill(self.import_bad_like, &[("index", &self.number(*index as u64 + 1))]),
        };
        self.not_imported(&reason)
    }

    // Settings and articles (for site owners, shown to readers too)

    pub fn unknown_theme(&self, theme: &str) -> String {
        fill(self.strings.unknown_theme, &[("theme", theme)])
    }

    pub fn bad_thread(&self, thread: &str, max: usize) -> String {
        fill(self.strings.bad_thread, &[("thread", thread), ("max", &max.to_string())])
    }

    /// A shared-discussion setting that cannot be used.
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    pub fn sharing_problem(&self, problem: &super::nostr::settings::SettingProblem) -> String {
        use super::nostr::settings::SettingProblem as P;
        match problem {
            P::Relay(relay) => fill(self.bad_relay, &[("relay", relay)]),
            P::Moderator(key) => fill(self.bad_moderator, &[("key", key)]),
            P::Pow(pow) => fill(self.bad_pow, &[("pow", pow)]),
        }
    }

    /// How far one of the reader's comments got on its way to relays.
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    pub fn delivery(&self, delivery: &super::nostr::outbox::Delivery) -> String {
        use super::nostr::outbox::Delivery as D;
        match delivery {
            D::Local => self.delivery_local.into(),
            D::Waiting => self.delivery_waiting.into(),
            D::Sent { sent, of } => {
                let form = self.delivery_sent.pick((self.plural)(self.lang, *of as u64));
                fill(form, &[("sent", &self.number(*sent as u64)), ("n", &self.number(*of as u64))])
            }
            D::Refused { relay, reason, .. } => fill(self.delivery_refused, &[("relay", relay), ("reason", reason)]),
            D::Hidden => self.delivery_hidden.into(),
        }
    }

    /// Why the article at `url` cannot be shown.
    pub fn article_error(&self, url: &str, error: &super::ArticleError) -> String {
        use super::ArticleError as E;
        match error {
            E::Unreachable => fill(self.article_unreachable, &[("url", url)]),
            E::Status(status) => fill(self.article_status, &[("url", url), ("status", status)]),
            E::NotJson { line, column } => fill(
                self.article_not_json,
                &[("url", url), ("line", &line.to_string()), ("column", &column.to_string())],
            ),
            E::Missing(field) => fill(self.article_missing, &[("url", url), ("field", field)]),
            E::WrongType(field) => fill(self.article_wrong_type, &[("url", url), ("field", field)]),
            E::Empty(field) => fill(self.article_empty, &[("url", url), ("field", field)]),
            E::BadComment(index) => {
                fill(self.article_bad_comment, &[("url", url), ("index", &(index + 1).to_string())])
            }
        }
    }
}

// Natively: the languages other than English are read from their files.
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;
    use crate::model::{NAME_LIMITS, TEXT_LIMITS};

    #[test]
    fn a_refused_paste_says_its_size_and_the_limit() {
        assert_eq!(
            Text::cldr(Lang::En).insert_refused(1_048_576),
            "Not added: that is 1,048,576 characters, and a comment holds 5,000 at most. What you had written is unchanged."
        );
        assert!(
            Text::cldr(Lang::Uk).insert_refused(1_048_576).starts_with("Не додано: це 1\u{a0}048\u{a0}576 символів")
        );
        assert!(Text::cldr(Lang::De).insert_refused(21_000).starts_with("Nicht eingefügt: Das sind 21.000 Zeichen"));
    }

    /// What Chromium's `Intl.DateTimeFormat` (dateStyle "long", timeStyle "short") says.
    #[test]
    fn full_times_read_as_the_browser_would_write_them() {
        let at = |month, day, hour, minute| LocalTime { year: 2026, month, day, hour, minute };
        let cases = [
            (Lang::En, at(1, 1, 0, 5), "January 1, 2026 at 12:05 AM"),
            (Lang::En, at(2, 2, 9, 6), "February 2, 2026 at 9:06 AM"),
            (Lang::En, at(3, 3, 12, 7), "March 3, 2026 at 12:07 PM"),
            (Lang::En, at(12, 12, 23, 16), "December 12, 2026 at 11:16 PM"),
            (Lang::Uk, at(1, 1, 0, 5), "1 січня 2026 р. о 00:05"),
            (Lang::Uk, at(11, 11, 13, 15), "11 листопада 2026 р. о 13:15"),
            (Lang::De, at(3, 3, 12, 7), "3. März 2026 um 12:07"),
            (Lang::De, at(10, 10, 23, 14), "10. Oktober 2026 um 23:14"),
        ];
        for (lang, time, words) in cases {
            assert_eq!(Text::cldr(lang).full_time(time), words);
        }
    }

    /// What Chromium's `Intl.RelativeTimeFormat` (numeric: "auto") says for
    /// -1, -2, -3, -5, -11, -21, -22, -25 and -1234 of each unit.
    #[test]
    fn ages_read_as_the_browser_would_write_them() {
        let counts = [1, 2, 3, 5, 11, 21, 22, 25, 1234];
        let expected = [
            (
                Lang::En,
                AgeUnit::Minute,
                "1 minute ago | 2 minutes ago | 3 minutes ago | 5 minutes ago | 11 minutes ago | 21 minutes ago | 22 minutes ago | 25 minutes ago | 1,234 minutes ago",
            ),
            (
                Lang::En,
                AgeUnit::Hour,
                "1 hour ago | 2 hours ago | 3 hours ago | 5 hours ago | 11 hours ago | 21 hours ago | 22 hours ago | 25 hours ago | 1,234 hours ago",
            ),
            (
                Lang::En,
                AgeUnit::Day,
                "yesterday | 2 days ago | 3 days ago | 5 days ago | 11 days ago | 21 days ago | 22 days ago | 25 days ago | 1,234 days ago",
            ),
            (
                Lang::En,
                AgeUnit::Week,
                "last week | 2 weeks ago | 3 weeks ago | 5 weeks ago | 11 weeks ago | 21 weeks ago | 22 weeks ago | 25 weeks ago | 1,234 weeks ago",
            ),
            (
                Lang::En,
                AgeUnit::Month,
                "last month | 2 months ago | 3 months ago | 5 months ago | 11 months ago | 21 months ago | 22 months ago | 25 months ago | 1,234 months ago",
            ),
            (
                Lang::En,
                AgeUnit::Year,
                "last year | 2 years ago | 3 years ago | 5 years ago | 11 years ago | 21 years ago | 22 years ago | 25 years ago | 1,234 years ago",
            ),
            (
                Lang::Uk,
                AgeUnit::Minute,
                "1 хвилину тому | 2 хвилини тому | 3 хвилини тому | 5 хвилин тому | 11 хвилин тому | 21 хвилину тому | 22 хвилини тому | 25 хвилин тому | 1\u{a0}234 хвилини тому",
            ),
            (
                Lang::Uk,
                AgeUnit::Hour,
                "1 годину тому | 2 години тому | 3 години тому | 5 годин тому | 11 годин тому | 21 годину тому | 22 години тому | 25 годин тому | 1\u{a0}234 години тому",
            ),
            (
                Lang::Uk,
                AgeUnit::Day,
                "учора | позавчора | 3 дні тому | 5 днів тому | 11 днів тому | 21 день тому | 22 дні тому | 25 днів тому | 1\u{a0}234 дні тому",
            ),
            (
                Lang::Uk,
                AgeUnit::Week,
                "минулого тижня | 2 тижні тому | 3 тижні тому | 5 тижнів тому | 11 тижнів тому | 21 тиждень тому | 22 тижні тому | 25 тижнів тому | 1\u{a0}234 тижні тому",
            ),
            (
                Lang::Uk,
                AgeUnit::Month,
                "минулого місяця | 2 місяці тому | 3 місяці тому | 5 місяців тому | 11 місяців тому | 21 місяць тому | 22 місяці тому | 25 місяців тому | 1\u{a0}234 місяці тому",
            ),
            (
                Lang::Uk,
                AgeUnit::Year,
                "минулого року | 2 роки тому | 3 роки тому | 5 років тому | 11 років тому | 21 рік тому | 22 роки тому | 25 років тому | 1\u{a0}234 роки тому",
            ),
            (
                Lang::De,
                AgeUnit::Minute,
                "vor 1 Minute | vor 2 Minuten | vor 3 Minuten | vor 5 Minuten | vor 11 Minuten | vor 21 Minuten | vor 22 Minuten | vor 25 Minuten | vor 1.234 Minuten",
            ),
            (
                Lang::De,
                AgeUnit::Hour,
                "vor 1 Stunde | vor 2 Stunden | vor 3 Stunden | vor 5 Stunden | vor 11 Stunden | vor 21 Stunden | vor 22 Stunden | vor 25 Stunden | vor 1.234 Stunden",
            ),
            (
                Lang::De,
                AgeUnit::Day,
                "gestern | vorgestern | vor 3 Tagen | vor 5 Tagen | vor 11 Tagen | vor 21 Tagen | vor 22 Tagen | vor 25 Tagen | vor 1.234 Tagen",
            ),
            (
                Lang::De,
                AgeUnit::Week,
                "letzte Woche | vor 2 Wochen | vor 3 Wochen | vor 5 Wochen | vor 11 Wochen | vor 21 Wochen | vor 22 Wochen | vor 25 Wochen | vor 1.234 Wochen",
            ),
            (
                Lang::De,
                AgeUnit::Month,
                "letzten Monat | vor 2 Monaten | vor 3 Monaten | vor 5 Monaten | vor 11 Monaten | vor 21 Monaten | vor 22 Monaten | vor 25 Monaten | vor 1.234 Monaten",
            ),
            (
                Lang::De,
                AgeUnit::Year,
                "letztes Jahr | vor 2 Jahren | vor 3 Jahren | vor 5 Jahren | vor 11 Jahren | vor 21 Jahren | vor 22 Jahren | vor 25 Jahren | vor 1.234 Jahren",
            ),
        ];
        for (lang, unit, words) in expected {
            let text = Text::cldr(lang);
            let said: Vec<String> = counts.iter().map(|&n| text.ago(Age::Ago(n, unit))).collect();
            assert_eq!(said.join(" | "), words, "{lang:?} {unit:?}");
        }
        assert_eq!(Text::cldr(Lang::Uk).ago(Age::JustNow), "щойно");
    }

    #[test]
    fn languages_are_chosen_by_attribute_then_query_then_browser() {
        let browser = ["sv-SE".to_string(), "de-AT".to_string(), "uk".to_string()];
        assert_eq!(Lang::negotiate(Some("uk-UA"), Some("de"), &browser), Lang::Uk);
        assert_eq!(Lang::negotiate(Some("sv"), Some("DE"), &browser), Lang::De);
        assert_eq!(Lang::negotiate(None, None, &browser), Lang::De);
        assert_eq!(Lang::negotiate(None, Some("xx"), &["sv".into()]), Lang::En);
        // Regions and scripts fall back to the language.
        let from = |tag: &str| Lang::from_tag(tag);
        assert_eq!(
            (from("pt-BR"), from("fr_CA"), from("ar-EG"), from("he-IL")),
            (Some(Lang::Pt), Some(Lang::Fr), Some(Lang::Ar), Some(Lang::He))
        );
        for tag in ["zh", "zh-CN", "zh-SG", "zh-Hans", "zh-Hans-HK", "ZH-cn"] {
            assert_eq!(from(tag), Some(Lang::ZhHans), "{tag}");
        }
        for tag in ["zh-TW", "zh-HK", "zh-Hant", "zh-Hant-TW"] {
            assert_eq!(from(tag), None, "{tag}: no Traditional Chinese yet");
        }
    }

    #[test]
    fn ukrainian_plurals() {
        let uk = Text::cldr(Lang::Uk);
        assert_eq!(uk.comments(1), "1 коментар");
        assert_eq!(uk.comments(3), "3 коментарі");
        assert_eq!(uk.comments(5), "5 коментарів");
        assert_eq!(uk.comments(11), "11 коментарів");
        assert_eq!(uk.comments(21), "21 коментар");
        assert_eq!(uk.comments(1_022), "1\u{a0}022 коментарі");
    }

    #[test]
    fn english_and_german_wording() {
        let en = Text::cldr(Lang::En);
        assert_eq!(en.comments(0), "0 Comments");
        assert_eq!(en.comments(1), "1 Comment");
        assert_eq!(en.comments(8), "8 Comments");
        // Starts with what the button shows ("Like 3"): WCAG 2.5.3, label in name.
        assert_eq!(en.like_label("Raphael", 3), "Like 3: Raphael\u{2019}s comment");
        let de = Text::cldr(Lang::De);
        assert_eq!(de.comments(1), "1 Kommentar");
        assert_eq!(de.comments(1_234), "1.234 Kommentare");
    }

    #[test]
    fn a_name_in_a_visible_heading_keeps_its_own_direction() {
        // "Reply to דוד!" must not become "Reply to !דוד"; nor may the Arabic
        // words around an English name move.
        assert_eq!(Text::cldr(Lang::En).reply_title("דוד!"), "Reply to \u{2068}דוד!\u{2069}");
        assert!(Text::cldr(Lang::Ar).reply_title("Ann").contains("\u{2068}Ann\u{2069}"));
        assert_eq!(Text::cldr(Lang::En).reply_to("Ann"), "Reply to Ann", "a label speech reads");
        // A name cannot end the isolation early.
        assert_eq!(Text::cldr(Lang::En).reply_title("Ann\u{2069}\u{202e}"), "Reply to \u{2068}Ann\u{2069}");
    }

    #[test]
    fn field_messages_say_what_to_fix() {
        let en = Text::cldr(Lang::En);
        let long = FieldError::TooLong { max: 5_000, over: 1_234 };
        assert_eq!(
            en.field_error(Field::Text, long),
            "Your comment is 1,234 characters too long: 5,000 characters at most. Your text is kept; shorten it to post."
        );
        assert_eq!(en.field_error(Field::Name, FieldError::Empty), "Please enter your name.");
        let one = FieldError::TooLong { max: 50, over: 1 };
        assert_eq!(en.field_error(Field::Name, one), "Your name is 1 character too long: 50 characters at most.");
        let uk = Text::cldr(Lang::Uk);
        assert_eq!(uk.field_error(Field::Name, one), "Ім\u{2019}я задовге на 1 символ: щонайбільше 50 символів.");
    }

    /// Every template of a language by message key (`key.form` for plural
    /// forms, `key.index` in lists), as a language file would hold them.
    fn templates(strings: &Strings) -> std::collections::BTreeMap<String, String> {
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

    #[test]
    fn every_language_file_has_every_message_with_the_english_placeholders() {
        // Every message but the plural forms and named days a language may lack.
        // (Named days are all there, as text or null.)
        let optional = |key: &str| {
            key.rsplit_once('.').is_some_and(|(message, form)| {
                message != "named_ages" && ["zero", "one", "two", "few", "many"].contains(&form)
            })
        };
        let required: Vec<String> = templates(&en::EN).into_keys().filter(|key| !optional(key)).collect();
        for lang in Lang::ALL.into_iter().filter(|lang| *lang != Lang::En) {
            // Read as the browser reads it: nothing refused.
            let (_, problems) = language_file::read_keyed(&en::EN, &en::EN, lang.file()).unwrap();
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

    /// What Chromium's `Intl.PluralRules` says, recorded by an e2e test
    /// (`languages.spec.ts`, which fails when Chromium says otherwise).
    #[test]
    fn the_native_plural_rules_are_chromiums_and_every_file_has_their_forms() {
        let fixture: serde_json::Value =
            serde_json::from_str(include_str!("../../../tests/fixtures/i18n/plurals.json")).unwrap();
        let numbers: Vec<u64> = serde_json::from_value(fixture["numbers"].clone()).unwrap();
        for lang in Lang::ALL {
            let names: Vec<String> = serde_json::from_value(fixture["categories"][lang.code()].clone()).unwrap();
            let strings = lang.bundled();
            for (n, name) in numbers.iter().zip(&names) {
                let category = Plural::from_name(name);
                assert_eq!(Plural::cldr(lang, *n), category, "{lang:?} {n}");
                // The heading has the language's own form for every category it uses.
                assert!(
                    lang == Lang::En || strings.comments.pick(category) != en::EN.comments.pick(category),
                    "{lang:?} {n}"
                );
                let has_form = match category {
                    Plural::Zero => strings.comments.zero.is_some(),
                    Plural::One => strings.comments.one.is_some(),
                    Plural::Two => strings.comments.two.is_some(),
                    Plural::Few => strings.comments.few.is_some(),
                    Plural::Many => strings.comments.many.is_some(),
                    Plural::Other => true,
                };
                assert!(has_form, "{lang:?} has no {name} form of \"comments\" ({n})");
            }
        }
    }

    #[test]
    fn every_key_of_a_file_leads_to_the_message_of_its_name() {
        for (i, key) in slots::KEYS.into_iter().enumerate() {
            let mut strings = en::EN;
            let marker: &'static str = Box::leak(format!("marker {i}").into_boxed_str());
            match slots::place(&mut strings, i) {
                Some(slots::Slot::Text(place)) => *place = marker,
                Some(slots::Slot::Optional(place)) => *place = Some(marker),
                None => panic!("{key} has no place"),
            }
            assert_eq!(templates(&strings).get(key).map(String::as_str), Some(marker), "{key}");
            // What the reader knows of a position without its key.
            let form = key.rsplit_once('.').and_then(|(_, form)| FORMS.iter().position(|f| *f == form));
            assert_eq!(slots::plural_form(i).map(|(_, form)| form), form, "{key}");
            assert_eq!(i == slots::FULL_TIME, key == "full_time");
            assert_eq!(i == slots::DIGIT_GROUP_SEPARATOR, key == "digit_group_separator");
        }
        assert!(slots::place(&mut en::EN.clone(), slots::ALL).is_none());
        // Every message of English has a key (plural forms beyond its own too).
        for key in templates(&en::EN).keys() {
            assert!(slots::KEYS.contains(&key.as_str()), "{key} has no key");
        }
        let unique: std::collections::HashSet<_> = slots::KEYS.into_iter().collect();
        assert_eq!(unique.len(), slots::ALL, "keys are unique");
        // The relay build's messages come last.
        assert_eq!((slots::KEYS[slots::COUNT], slots::KEYS[slots::ALL - 1]), ("bad_relay", "loading_older"));
        assert_eq!(
            slots::fingerprint(slots::KEYS),
            slots::LAYOUT,
            "the keys changed: LAYOUT is {:#x}",
            slots::fingerprint(slots::KEYS)
        );
    }

    /// The plural forms in position order (`slots::plural_form`).
    const FORMS: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

    #[test]
    fn every_language_reads_the_same_from_its_built_file() {
        for lang in Lang::ALL.into_iter().filter(|lang| *lang != Lang::En) {
            let built: Vec<serde_json::Value> =
                serde_json::from_str(&language_file::positional_file(lang.bundled()).unwrap()).unwrap();
            assert_eq!(built.len(), 1 + language_file::MESSAGES);
            assert_eq!(built[0], slots::LAYOUT, "it starts with the layout it was made for");
            let entries = built.into_iter().skip(1).map(language_file::Entry::from);
            let (strings, refused) = language_file::read(&en::EN, &en::EN, entries.enumerate());
            assert_eq!(refused, vec![], "{lang:?}");
            assert_eq!(&strings, lang.bundled(), "{lang:?}");
        }
        let keys: Vec<String> = serde_json::from_str(&language_file::keys_file().unwrap()).unwrap();
        assert_eq!(keys, slots::KEYS);
    }

    #[test]
    fn a_file_with_mistakes_costs_only_the_messages_it_got_wrong() {
        let file = r#"{"reply": "Répondre", "reply_to": "Répondre à {nom}", "like": null, "bogus": "x",
            "comments.one": "{n} commentaire", "comments.other": "{n} commentaires", "month_names.12": "x",
            "bad_relay": "Relais « {relay} » inutilisable", "named_ages.yesterday": null}"#;
        let (strings, problems) = language_file::read_keyed(&en::EN, &en::EN, file).unwrap();
        assert_eq!(strings.reply, "Répondre");
        assert_eq!(strings.comments.one, Some("{n} commentaire"));
        assert_eq!(strings.named_ages.yesterday, None, "a language without a word for it");
        assert_eq!(strings.reply_to, en::EN.reply_to, "a wrong placeholder keeps the built-in text");
        assert_eq!(strings.like, en::EN.like);
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("reply_to") && p.contains("{name}")), "{problems:?}");
        // One value of the wrong kind costs only itself; a form not given falls to the file's `other`.
        let (strings, problems) = language_file::read_keyed(
            &en::EN,
            &en::EN,
            r#"{"like": 5, "post": " ", "comments.other": "{n} réponses"}"#,
        )
        .unwrap();
        assert_eq!((strings.like, strings.post, strings.comments.one), (en::EN.like, en::EN.post, None));
        assert_eq!(problems.len(), 2, "{problems:?}");
        for broken in ["", "[]", "not json", "{\"reply\": ", "{\"reply\": \"x\"} and more"] {
            assert!(language_file::read_keyed(&en::EN, &en::EN, broken).is_err(), "{broken}");
        }
    }

    #[test]
    fn every_plural_category_a_language_uses_has_its_own_form() {
        let uses_form = |forms: &Forms, category: Plural| match category {
            Plural::Zero => forms.zero.is_some(),
            Plural::One => forms.one.is_some(),
            Plural::Two => forms.two.is_some(),
            Plural::Few => forms.few.is_some(),
            Plural::Many => forms.many.is_some(),
            Plural::Other => true,
        };
        for lang in Lang::ALL {
            let s = lang.bundled();
            let all = [&s.comments, &s.minutes, &s.hours, &s.days, &s.weeks, &s.months, &s.years, &s.replies_folded];
            let all =
                all.into_iter().chain([&s.show_replies, &s.characters, &s.new_comments, &s.likes, &s.delivery_sent]);
            for forms in all {
                for n in (0..=200).chain([1_000, 1_001, 1_000_000]) {
                    let category = Plural::cldr(lang, n);
                    // German says "Zeichen" for any number: one form is its choice.
                    let single_form = forms.one.is_none() && forms.few.is_none() && forms.many.is_none();
                    assert!(single_form || uses_form(forms, category), "{lang:?} {n}: {forms:?}");
                }
            }
        }
    }

    #[test]
    fn placeholders_are_filled_and_unknown_ones_kept_in_sight() {
        assert_eq!(fill("Reply to {name}", &[("name", "Ann {x}")]), "Reply to Ann {x}");
        assert_eq!(fill("{a}{b} {a}", &[("a", "1"), ("b", "2")]), "12 1");
        assert_eq!(fill("{missing} and {", &[]), "{missing} and {");
    }

    #[test]
    fn a_broken_article_is_explained_in_the_reader_s_language_only() {
        use super::super::ArticleError;
        let url = "https://example.org/a.json";
        let uk = Text::cldr(Lang::Uk);
        let said = uk.article_error(url, &ArticleError::Missing("title"));
        assert_eq!(
            said,
            "Статтю з https://example.org/a.json не вдалося використати: у ній немає поля \u{201c}title\u{201d}."
        );
        let said = uk.article_error(url, &ArticleError::NotJson { line: 3, column: 7 });
        assert_eq!(
            said,
            "Не вдалося прочитати статтю з https://example.org/a.json: це некоректний JSON (рядок 3, позиція 7)."
        );
        let de = Text::cldr(Lang::De).article_error(url, &ArticleError::Status("404 Not Found".into()));
        assert!(de.ends_with("Der Server antwortete mit 404 Not Found."), "{de}");
    }

    #[test]
    fn counter_appears_near_the_limit() {
        let en = Text::cldr(Lang::En);
        assert_eq!(en.counter(&"a".repeat(4_499), TEXT_LIMITS), None);
        assert_eq!(en.counter(&"a".repeat(4_500), TEXT_LIMITS), Some("500 characters left".into()));
        assert_eq!(en.counter(&"a".repeat(4_999), TEXT_LIMITS), Some("1 character left".into()));
        assert_eq!(en.counter(&"a".repeat(1_000_000), TEXT_LIMITS), Some("995,000 characters over the limit".into()));
        assert_eq!(Text::cldr(Lang::Uk).counter(&"a".repeat(48), NAME_LIMITS), Some("залишилось 2 символи".into()));
    }
}
