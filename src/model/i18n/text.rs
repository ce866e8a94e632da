//! Message text: [`Text`], one language's messages with their
//! placeholders filled in, numbers written the language's way and plural
//! forms picked. Plain messages are its fields; a message with
//! placeholders is a method of the same name.

use super::lang::Lang;
use super::messages::EN;
use super::plural::Plural;
use super::strings::{Forms, Strings};
use crate::model::writing::validate::length;
use crate::model::{Age, AgeUnit, Field, FieldError, Limits, LocalTime, TEXT_LIMITS};

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
        Text::new(Lang::En, &EN, Plural::english)
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
    pub fn import_error(&self, error: &crate::model::ImportError) -> String {
        use crate::model::ImportError as E;
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
    pub fn sharing_problem(&self, problem: &crate::model::nostr::settings::SettingProblem) -> String {
        use crate::model::nostr::settings::SettingProblem as P;
        match problem {
            P::Relay(relay) => fill(self.bad_relay, &[("relay", relay)]),
            P::Moderator(key) => fill(self.bad_moderator, &[("key", key)]),
            P::Pow(pow) => fill(self.bad_pow, &[("pow", pow)]),
            P::Moderation(value) => fill(self.bad_moderation, &[("value", value)]),
        }
    }

    /// How far one of the reader's comments got on its way to relays.
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    pub fn delivery(&self, delivery: &crate::model::nostr::outbox::Delivery) -> String {
        use crate::model::nostr::outbox::Delivery as D;
        match delivery {
            D::Local => self.delivery_local.into(),
            D::Waiting => self.delivery_waiting.into(),
            D::Sent { sent, of } => {
                let form = self.delivery_sent.pick((self.plural)(self.lang, *of as u64));
                fill(form, &[("sent", &self.number(*sent as u64)), ("n", &self.number(*of as u64))])
            }
            D::Refused { relay, reason, .. } => fill(self.delivery_refused, &[("relay", relay), ("reason", reason)]),
            D::Hidden => self.delivery_hidden.into(),
            D::Pending => self.awaiting_approval.into(),
        }
    }

    /// A moderator's action on a comment by `name`, in words: the button's
    /// text and its accessible name (`hide`: hide, or else unhide).
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    pub fn moderate_comment(&self, name: &str, hide: bool) -> (&'static str, String) {
        if hide {
            (self.hide, fill(self.hide_label, &[("name", name)]))
        } else {
            (self.unhide, fill(self.unhide_label, &[("name", name)]))
        }
    }

    /// "Approve Ann".
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    pub fn approve_author(&self, name: &str) -> String {
        fill(self.approve, &[("name", name)])
    }

    /// "Hide all by Ann" (or "Unhide all by Ann").
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    pub fn moderate_author(&self, name: &str, hide: bool) -> String {
        fill(if hide { self.hide_author } else { self.unhide_author }, &[("name", name)])
    }

    /// Why a moderator's change was not made.
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    pub fn moderation_refusal(&self, refusal: crate::model::nostr::moderation::Refusal) -> &'static str {
        use crate::model::nostr::moderation::Refusal as R;
        match refusal {
            R::NotLoaded => self.moderation_not_loaded,
            R::NoList => self.moderation_no_list,
            R::Declined => self.moderation_declined,
        }
    }

    /// "2 new replies to you".
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    pub fn new_replies(&self, n: usize) -> String {
        self.count(&self.strings.new_replies, n as u64)
    }

    /// Why the article at `url` cannot be shown.
    pub fn article_error(&self, url: &str, error: &crate::model::ArticleError) -> String {
        use crate::model::ArticleError as E;
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
            E::BadCommentField { index, field } => {
                fill(self.article_comment_field, &[("url", url), ("index", &(index + 1).to_string()), ("field", field)])
            }
        }
    }
}

// Natively: the languages other than English are read from their files.
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;
    use crate::model::NAME_LIMITS;

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

    #[test]
    fn placeholders_are_filled_and_unknown_ones_kept_in_sight() {
        assert_eq!(fill("Reply to {name}", &[("name", "Ann {x}")]), "Reply to Ann {x}");
        assert_eq!(fill("{a}{b} {a}", &[("a", "1"), ("b", "2")]), "12 1");
        assert_eq!(fill("{missing} and {", &[]), "{missing} and {");
    }

    #[test]
    fn a_broken_article_is_explained_in_the_reader_s_language_only() {
        use crate::model::ArticleError;
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
