//! Every piece of interface text, in English, Ukrainian and German.
//!
//! Pure: the plural category of a number comes from outside (the browser's
//! `Intl.PluralRules`; natively, the CLDR rules below), so every message is
//! covered by `cargo test`. Messages for site owners (bad settings, articles
//! that cannot be loaded) are here too: readers see them as well.

use super::age::{Age, AgeUnit, LocalTime};
use super::validate::{length, Field, FieldError, Limits, TEXT_LIMITS};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Uk,
    De,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Uk => "uk",
            Lang::De => "de",
        }
    }

    /// The language of a BCP 47 tag (`uk-UA`, `de`, `EN-gb`), if supported.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "uk" => Some(Lang::Uk),
            "de" => Some(Lang::De),
            _ => None,
        }
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
}

/// A CLDR plural category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    One,
    Few,
    Many,
    Other,
}

impl Plural {
    /// The category named by `Intl.PluralRules.prototype.select`.
    pub fn from_name(name: &str) -> Plural {
        match name {
            "one" => Plural::One,
            "few" => Plural::Few,
            "many" => Plural::Many,
            _ => Plural::Other,
        }
    }

    /// The CLDR rules for whole numbers, for native use and as a fallback.
    pub fn cldr(lang: Lang, n: u64) -> Plural {
        match lang {
            Lang::En | Lang::De => if n == 1 { Plural::One } else { Plural::Other },
            Lang::Uk => match (n % 10, n % 100) {
                (1, m) if m != 11 => Plural::One,
                (2..=4, m) if !(12..=14).contains(&m) => Plural::Few,
                _ => Plural::Many,
            },
        }
    }
}

/// The interface text of one language.
#[derive(Clone, Copy, Debug)]
pub struct Text {
    pub lang: Lang,
    plural: fn(Lang, u64) -> Plural,
}

impl Text {
    pub fn new(lang: Lang, plural: fn(Lang, u64) -> Plural) -> Text {
        Text { lang, plural }
    }

    /// With the CLDR rules built in (native code and tests).
    pub fn cldr(lang: Lang) -> Text {
        Text::new(lang, Plural::cldr)
    }

    fn pick<'a>(&self, n: u64, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
        match (self.plural)(self.lang, n) {
            Plural::One => one,
            Plural::Few => few,
            Plural::Many => many,
            Plural::Other => many,
        }
    }

    /// 1,234 / 1 234 / 1.234
    pub fn number(&self, n: u64) -> String {
        let separator = match self.lang {
            Lang::En => ',',
            Lang::Uk => '\u{a0}',
            Lang::De => '.',
        };
        let digits = n.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(separator);
            }
            out.push(c);
        }
        out
    }

    fn count(&self, n: u64, one: &str, few: &str, many: &str) -> String {
        format!("{} {}", self.number(n), self.pick(n, one, few, many))
    }

    fn characters(&self, n: u64) -> String {
        match self.lang {
            Lang::En => self.count(n, "character", "characters", "characters"),
            Lang::Uk => self.count(n, "символ", "символи", "символів"),
            Lang::De => format!("{} Zeichen", self.number(n)),
        }
    }

    fn tr(&self, en: &'static str, uk: &'static str, de: &'static str) -> &'static str {
        match self.lang {
            Lang::En => en,
            Lang::Uk => uk,
            Lang::De => de,
        }
    }

    // The thread

    /// The heading: "8 Comments", "1 коментар", "5 Kommentare".
    pub fn comments(&self, n: usize) -> String {
        let n = n as u64;
        match self.lang {
            Lang::En => self.count(n, "Comment", "Comments", "Comments"),
            Lang::Uk => self.count(n, "коментар", "коментарі", "коментарів"),
            Lang::De => self.count(n, "Kommentar", "Kommentare", "Kommentare"),
        }
    }
    pub fn sort_group(&self) -> &'static str { self.tr("Sort comments", "Порядок коментарів", "Kommentare sortieren") }
    pub fn sort_label(&self) -> &'static str { self.tr("Sort:", "Порядок:", "Sortieren:") }
    pub fn oldest(&self) -> &'static str { self.tr("Oldest", "Спершу старі", "Älteste") }
    pub fn newest(&self) -> &'static str { self.tr("Newest", "Спершу нові", "Neueste") }
    pub fn most_liked(&self) -> &'static str { self.tr("Most liked", "Найпопулярніші", "Beliebteste") }
    pub fn show_more(&self, n: usize) -> String {
        let n = self.number(n as u64);
        match self.lang {
            Lang::En => format!("Show {n} more"),
            Lang::Uk => format!("Показати ще {n}"),
            Lang::De => format!("{n} weitere anzeigen"),
        }
    }
    pub fn loading(&self) -> &'static str { self.tr("Loading the article\u{2026}", "Завантаження статті\u{2026}", "Artikel wird geladen\u{2026}") }
    pub fn just_now(&self) -> &'static str { self.tr("just now", "щойно", "gerade eben") }

    /// "November 24, 2026 at 7:57 PM", "24 листопада 2026 р. о 19:57",
    /// "24. November 2026 um 19:57": what `Intl.DateTimeFormat` (dateStyle
    /// "long", timeStyle "short") gives, written out here because building
    /// that formatter costs 15 to 30 ms of the first screen.
    pub fn full_time(&self, t: LocalTime) -> String {
        const EN: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
        const UK: [&str; 12] = ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"];
        const DE: [&str; 12] = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];
        let month = (t.month.clamp(1, 12) - 1) as usize;
        let LocalTime { year, day, hour, minute, .. } = t;
        match self.lang {
            Lang::En => {
                let (hour12, half) = (if hour % 12 == 0 { 12 } else { hour % 12 }, if hour < 12 { "AM" } else { "PM" });
                format!("{} {day}, {year} at {hour12}:{minute:02} {half}", EN[month])
            }
            Lang::Uk => format!("{day} {} {year} р. о {hour:02}:{minute:02}", UK[month]),
            Lang::De => format!("{day}. {} {year} um {hour:02}:{minute:02}", DE[month]),
        }
    }

    /// "5 minutes ago", "yesterday", "5 хвилин тому", "vor 5 Minuten": the
    /// words `Intl.RelativeTimeFormat` (numeric: "auto") gives, written out
    /// here because building that formatter costs 15 ms of the first screen.
    pub fn ago(&self, age: Age) -> String {
        let Age::Ago(n, unit) = age else { return self.just_now().into() };
        use AgeUnit::*;
        let named = match (self.lang, unit, n) {
            (Lang::En, Day, 1) => Some("yesterday"),
            (Lang::En, Week, 1) => Some("last week"),
            (Lang::En, Month, 1) => Some("last month"),
            (Lang::En, Year, 1) => Some("last year"),
            (Lang::Uk, Day, 1) => Some("учора"),
            (Lang::Uk, Day, 2) => Some("позавчора"),
            (Lang::Uk, Week, 1) => Some("минулого тижня"),
            (Lang::Uk, Month, 1) => Some("минулого місяця"),
            (Lang::Uk, Year, 1) => Some("минулого року"),
            (Lang::De, Day, 1) => Some("gestern"),
            (Lang::De, Day, 2) => Some("vorgestern"),
            (Lang::De, Week, 1) => Some("letzte Woche"),
            (Lang::De, Month, 1) => Some("letzten Monat"),
            (Lang::De, Year, 1) => Some("letztes Jahr"),
            _ => None,
        };
        if let Some(words) = named {
            return words.into();
        }
        // The unit's forms for the plural categories one, few and many.
        let (one, few, many) = match (self.lang, unit) {
            (Lang::En, Minute) => ("minute", "minutes", "minutes"),
            (Lang::En, Hour) => ("hour", "hours", "hours"),
            (Lang::En, Day) => ("day", "days", "days"),
            (Lang::En, Week) => ("week", "weeks", "weeks"),
            (Lang::En, Month) => ("month", "months", "months"),
            (Lang::En, Year) => ("year", "years", "years"),
            (Lang::Uk, Minute) => ("хвилину", "хвилини", "хвилин"),
            (Lang::Uk, Hour) => ("годину", "години", "годин"),
            (Lang::Uk, Day) => ("день", "дні", "днів"),
            (Lang::Uk, Week) => ("тиждень", "тижні", "тижнів"),
            (Lang::Uk, Month) => ("місяць", "місяці", "місяців"),
            (Lang::Uk, Year) => ("рік", "роки", "років"),
            (Lang::De, Minute) => ("Minute", "Minuten", "Minuten"),
            (Lang::De, Hour) => ("Stunde", "Stunden", "Stunden"),
            (Lang::De, Day) => ("Tag", "Tagen", "Tagen"),
            (Lang::De, Week) => ("Woche", "Wochen", "Wochen"),
            (Lang::De, Month) => ("Monat", "Monaten", "Monaten"),
            (Lang::De, Year) => ("Jahr", "Jahren", "Jahren"),
        };
        let amount = self.count(n, one, few, many);
        match self.lang {
            Lang::En => format!("{amount} ago"),
            Lang::Uk => format!("{amount} тому"),
            Lang::De => format!("vor {amount}"),
        }
    }

    // One comment

    pub fn reply(&self) -> &'static str { self.tr("Reply", "Відповісти", "Antworten") }
    pub fn reply_to(&self, name: &str) -> String {
        match self.lang {
            Lang::En => format!("Reply to {name}"),
            Lang::Uk => format!("Відповісти на коментар {name}"),
            Lang::De => format!("{name} antworten"),
        }
    }
    pub fn reply_title(&self, name: &str) -> String {
        match self.lang {
            Lang::En => format!("Reply to {name}"),
            Lang::Uk => format!("Відповідь на коментар {name}"),
            Lang::De => format!("Antwort an {name}"),
        }
    }
    pub fn like(&self) -> &'static str { self.tr("Like", "Подобається", "Gefällt mir") }
    pub fn like_label(&self, name: &str, likes: u32) -> String {
        let n = u64::from(likes);
        match self.lang {
            Lang::En => format!("Like {name}\u{2019}s comment, {}", self.count(n, "like", "likes", "likes")),
            Lang::Uk => format!("Подобається коментар {name}, {}", self.count(n, "вподобання", "вподобання", "вподобань")),
            Lang::De => format!("Gefällt mir: Kommentar von {name}, {}", self.count(n, "Like", "Likes", "Likes")),
        }
    }
    pub fn link(&self) -> &'static str { self.tr("Link", "Посилання", "Link") }
    pub fn link_label(&self, name: &str) -> String {
        match self.lang {
            Lang::En => format!("Link to {name}\u{2019}s comment"),
            Lang::Uk => format!("Посилання на коментар {name}"),
            Lang::De => format!("Link zum Kommentar von {name}"),
        }
    }
    pub fn edit(&self) -> &'static str { self.tr("Edit", "Редагувати", "Bearbeiten") }
    pub fn delete(&self) -> &'static str { self.tr("Delete", "Видалити", "Löschen") }
    pub fn deleted(&self) -> &'static str { self.tr("[deleted]", "[видалено]", "[gelöscht]") }
    pub fn edited(&self) -> &'static str { self.tr("edited", "змінено", "bearbeitet") }
    pub fn replies_folded(&self, n: usize) -> String {
        let n = n as u64;
        match self.lang {
            Lang::En => format!("[+] {}", self.count(n, "reply", "replies", "replies")),
            Lang::Uk => format!("[+] {}", self.count(n, "відповідь", "відповіді", "відповідей")),
            Lang::De => format!("[+] {}", self.count(n, "Antwort", "Antworten", "Antworten")),
        }
    }
    pub fn show_replies(&self, n: usize) -> String {
        let n = n as u64;
        match self.lang {
            Lang::En => format!("Show {}", self.count(n, "reply", "replies", "replies")),
            Lang::Uk => format!("Показати {}", self.count(n, "відповідь", "відповіді", "відповідей")),
            Lang::De => format!("{} anzeigen", self.count(n, "Antwort", "Antworten", "Antworten")),
        }
    }
    pub fn hide_replies(&self) -> &'static str { self.tr("Hide replies", "Сховати відповіді", "Antworten ausblenden") }
    pub fn comment_deleted(&self) -> &'static str { self.tr("Comment deleted.", "Коментар видалено.", "Kommentar gelöscht.") }
    pub fn undo(&self) -> &'static str { self.tr("Undo", "Повернути", "Rückgängig") }

    // The composer and the edit box

    pub fn join(&self) -> &'static str { self.tr("Join the discussion", "Долучайтеся до обговорення", "Diskutieren Sie mit") }
    pub fn name(&self) -> &'static str { self.tr("Name", "Ім\u{2019}я", "Name") }
    pub fn comment(&self) -> &'static str { self.tr("Comment", "Коментар", "Kommentar") }
    pub fn post(&self) -> &'static str { self.tr("Post comment", "Надіслати коментар", "Kommentar senden") }
    pub fn preview(&self) -> &'static str { self.tr("Preview", "Попередній перегляд", "Vorschau") }
    pub fn nothing_to_preview(&self) -> &'static str { self.tr("Nothing to preview yet.", "Поки що нічого показати.", "Noch nichts zu sehen.") }
    pub fn cancel(&self) -> &'static str { self.tr("Cancel", "Скасувати", "Abbrechen") }
    /// After "<kbd>Ctrl</kbd>+<kbd>Enter</kbd>".
    pub fn shortcut_hint(&self) -> &'static str { self.tr(" posts too", " також надсилає", " sendet ebenfalls") }
    pub fn posted(&self) -> &'static str { self.tr("Your comment was posted.", "Ваш коментар опубліковано.", "Ihr Kommentar wurde veröffentlicht.") }
    pub fn edit_label(&self) -> &'static str { self.tr("Edit your comment", "Редагувати коментар", "Kommentar bearbeiten") }
    pub fn save(&self) -> &'static str { self.tr("Save", "Зберегти", "Speichern") }

    /// What to fix in a field.
    pub fn field_error(&self, field: Field, error: FieldError) -> String {
        match (error, field) {
            (FieldError::Empty, Field::Name) => self.tr("Please enter your name.", "Будь ласка, вкажіть ім\u{2019}я.", "Bitte geben Sie Ihren Namen ein.").into(),
            (FieldError::Empty, Field::Text) => self.tr("Please write a comment.", "Будь ласка, напишіть коментар.", "Bitte schreiben Sie einen Kommentar.").into(),
            (FieldError::TooLong { max, over }, field) => {
                let (over, max) = (self.characters(over as u64), self.number(max as u64));
                match (self.lang, field) {
                    (Lang::En, Field::Name) => format!("Your name is {over} too long: {max} characters at most."),
                    (Lang::En, Field::Text) => format!("Your comment is {over} too long: {max} characters at most. Your text is kept; shorten it to post."),
                    (Lang::Uk, Field::Name) => format!("Ім\u{2019}я задовге на {over}: щонайбільше {max} символів."),
                    (Lang::Uk, Field::Text) => format!("Коментар задовгий на {over}: щонайбільше {max} символів. Текст збережено — скоротіть його, щоб надіслати."),
                    (Lang::De, Field::Name) => format!("Ihr Name ist {over} zu lang: höchstens {max} Zeichen."),
                    (Lang::De, Field::Text) => format!("Ihr Kommentar ist {over} zu lang: höchstens {max} Zeichen. Ihr Text bleibt erhalten; kürzen Sie ihn zum Senden."),
                }
            }
        }
    }

    /// A paste or drop too large to insert (see `validate::LARGEST_INSERT`).
    pub fn insert_refused(&self, characters: usize) -> String {
        let (size, max) = (self.characters(characters as u64), self.number(TEXT_LIMITS.max as u64));
        match self.lang {
            Lang::En => format!("Not added: that is {size}, and a comment holds {max} at most. What you had written is unchanged."),
            Lang::Uk => format!("Не додано: це {size}, а коментар вміщує щонайбільше {max}. Уже написане не змінилося."),
            Lang::De => format!("Nicht eingefügt: Das sind {size}, ein Kommentar fasst höchstens {max}. Ihr bisheriger Text bleibt unverändert."),
        }
    }

    /// The counter shown near the limit, or `None` well short of it.
    pub fn counter(&self, input: &str, limits: Limits) -> Option<String> {
        let used = length(input);
        if used < limits.counter_from {
            return None;
        }
        Some(if used <= limits.max {
            let left = self.characters((limits.max - used) as u64);
            match self.lang {
                Lang::En => format!("{left} left"),
                Lang::Uk => format!("залишилось {left}"),
                Lang::De => format!("noch {left}"),
            }
        } else {
            let over = self.characters((used - limits.max) as u64);
            match self.lang {
                Lang::En => format!("{over} over the limit"),
                Lang::Uk => format!("на {over} більше за ліміт"),
                Lang::De => format!("{over} über dem Limit"),
            }
        })
    }

    // Storage and failures

    pub fn storage_unavailable(&self) -> &'static str {
        self.tr(
            "This browser does not let the page keep data, so comments posted here are shown during this visit only and will be gone when you leave.",
            "Цей браузер не дозволяє сторінці зберігати дані, тож коментарі, опубліковані тут, буде видно лише під час цього відвідування.",
            "Dieser Browser erlaubt der Seite nicht, Daten zu speichern: Hier veröffentlichte Kommentare sind nur während dieses Besuchs zu sehen.",
        )
    }
    pub fn storage_full(&self) -> &'static str {
        self.tr("this browser\u{2019}s storage for the site is full.", "сховище браузера для цього сайту заповнене.", "der Browserspeicher für diese Website ist voll.")
    }
    pub fn storage_failed(&self, detail: &str) -> String {
        match self.lang {
            Lang::En => format!("the browser could not save it ({detail})."),
            Lang::Uk => format!("браузер не зміг його зберегти ({detail})."),
            Lang::De => format!("der Browser konnte ihn nicht speichern ({detail})."),
        }
    }
    pub fn not_posted(&self, reason: &str) -> String {
        match self.lang {
            Lang::En => format!("Your comment was not posted: {reason} Your text is still here."),
            Lang::Uk => format!("Коментар не надіслано: {reason} Ваш текст нікуди не зник."),
            Lang::De => format!("Ihr Kommentar wurde nicht veröffentlicht: {reason} Ihr Text ist noch da."),
        }
    }
    pub fn not_edited(&self, reason: &str) -> String {
        match self.lang {
            Lang::En => format!("Your edit was not saved: {reason} Your text is still here."),
            Lang::Uk => format!("Зміни не збережено: {reason} Ваш текст нікуди не зник."),
            Lang::De => format!("Ihre Änderung wurde nicht gespeichert: {reason} Ihr Text ist noch da."),
        }
    }
    pub fn not_deleted(&self, reason: &str) -> String {
        match self.lang {
            Lang::En => format!("The comment was not deleted: {reason}"),
            Lang::Uk => format!("Коментар не видалено: {reason}"),
            Lang::De => format!("Der Kommentar wurde nicht gelöscht: {reason}"),
        }
    }
    pub fn not_restored(&self, reason: &str) -> String {
        match self.lang {
            Lang::En => format!("The comment could not be restored: {reason}"),
            Lang::Uk => format!("Коментар не вдалося повернути: {reason}"),
            Lang::De => format!("Der Kommentar konnte nicht wiederhergestellt werden: {reason}"),
        }
    }
    pub fn like_not_saved(&self, reason: &str) -> String {
        match self.lang {
            Lang::En => format!("The like was not saved: {reason}"),
            Lang::Uk => format!("Вподобання не збережено: {reason}"),
            Lang::De => format!("Das Like wurde nicht gespeichert: {reason}"),
        }
    }
    pub fn only_own(&self) -> &'static str {
        self.tr("Only comments posted from this browser can be changed.", "Змінювати можна лише коментарі, надіслані з цього браузера.", "Nur Kommentare aus diesem Browser können geändert werden.")
    }

    // Export and import

    pub fn your_comments(&self) -> &'static str { self.tr("Your comments", "Ваші коментарі", "Ihre Kommentare") }
    pub fn export(&self) -> &'static str { self.tr("Export my comments", "Експортувати мої коментарі", "Meine Kommentare exportieren") }
    pub fn import(&self) -> &'static str { self.tr("Import comments\u{2026}", "Імпортувати коментарі\u{2026}", "Kommentare importieren\u{2026}") }
    pub fn downloaded(&self, file: &str) -> String {
        match self.lang {
            Lang::En => format!("Downloaded {file}."),
            Lang::Uk => format!("Завантажено {file}."),
            Lang::De => format!("{file} heruntergeladen."),
        }
    }
    pub fn download_failed(&self, reason: &str) -> String {
        match self.lang {
            Lang::En => format!("The file could not be downloaded ({reason})."),
            Lang::Uk => format!("Не вдалося завантажити файл ({reason})."),
            Lang::De => format!("Die Datei konnte nicht heruntergeladen werden ({reason})."),
        }
    }
    pub fn imported(&self, comments: usize, likes: usize) -> String {
        let (c, l) = (comments as u64, likes as u64);
        match self.lang {
            Lang::En => format!("Imported {} and {}.", self.count(c, "new comment", "new comments", "new comments"), self.count(l, "like", "likes", "likes")),
            Lang::Uk => format!("Імпортовано {} і {}.", self.count(c, "новий коментар", "нові коментарі", "нових коментарів"), self.count(l, "вподобання", "вподобання", "вподобань")),
            Lang::De => format!("Importiert: {} und {}.", self.count(c, "neuer Kommentar", "neue Kommentare", "neue Kommentare"), self.count(l, "Like", "Likes", "Likes")),
        }
    }
    /// "Nothing was imported: " and why.
    pub fn not_imported(&self, reason: &str) -> String {
        match self.lang {
            Lang::En => format!("Nothing was imported: {reason}"),
            Lang::Uk => format!("Нічого не імпортовано: {reason}"),
            Lang::De => format!("Nichts wurde importiert: {reason}"),
        }
    }

    /// Why an import file was refused.
    pub fn import_error(&self, error: &super::ImportError) -> String {
        use super::ImportError as E;
        let reason = match (error, self.lang) {
            (E::TooLarge, Lang::En) => "the file is far larger than an agora export can be.".to_string(),
            (E::TooLarge, Lang::Uk) => "файл набагато більший, ніж може бути експорт agora.".to_string(),
            (E::TooLarge, Lang::De) => "die Datei ist viel größer, als ein agora-Export sein kann.".to_string(),
            (E::NotAnExport(d), Lang::En) => format!("this file is not an agora export ({d})."),
            (E::NotAnExport(d), Lang::Uk) => format!("це не файл експорту agora ({d})."),
            (E::NotAnExport(d), Lang::De) => format!("diese Datei ist kein agora-Export ({d})."),
            (E::OtherThread(t), Lang::En) => format!("the file holds the comments of another discussion (\u{201c}{t}\u{201d})."),
            (E::OtherThread(t), Lang::Uk) => format!("у файлі коментарі іншого обговорення (\u{201c}{t}\u{201d})."),
            (E::OtherThread(t), Lang::De) => format!("die Datei enthält die Kommentare einer anderen Diskussion (\u{201e}{t}\u{201c})."),
            (E::BadComment(i, r), Lang::En) => format!("comment {} in the file is not valid ({r}).", i + 1),
            (E::BadComment(i, r), Lang::Uk) => format!("коментар {} у файлі некоректний ({r}).", i + 1),
            (E::BadComment(i, r), Lang::De) => format!("Kommentar {} in der Datei ist ungültig ({r}).", i + 1),
            (E::BadLike(i), Lang::En) => format!("like {} in the file is not valid.", i + 1),
            (E::BadLike(i), Lang::Uk) => format!("вподобання {} у файлі некоректне.", i + 1),
            (E::BadLike(i), Lang::De) => format!("Like {} in der Datei ist ungültig.", i + 1),
        };
        self.not_imported(&reason)
    }

    // Settings and articles (for site owners, shown to readers too)

    pub fn unknown_theme(&self, theme: &str) -> String {
        match self.lang {
            Lang::En => format!("The theme \u{201c}{theme}\u{201d} is not known; use light, dark or auto. Following the reader\u{2019}s setting instead."),
            Lang::Uk => format!("Тема \u{201c}{theme}\u{201d} невідома; можливі light, dark або auto. Використано налаштування читача."),
            Lang::De => format!("Das Theme \u{201e}{theme}\u{201c} ist unbekannt; möglich sind light, dark oder auto. Es gilt die Einstellung des Lesers."),
        }
    }
    pub fn bad_thread(&self, thread: &str, max: usize) -> String {
        match self.lang {
            Lang::En => format!("The thread name \u{201c}{thread}\u{201d} cannot be used: use 1 to {max} letters, digits, \u{201c}-\u{201d}, \u{201c}_\u{201d} or \u{201c}.\u{201d}."),
            Lang::Uk => format!("Назву обговорення \u{201c}{thread}\u{201d} не можна використати: потрібно від 1 до {max} латинських літер, цифр, \u{201c}-\u{201d}, \u{201c}_\u{201d} або \u{201c}.\u{201d}."),
            Lang::De => format!("Der Diskussionsname \u{201e}{thread}\u{201c} ist nicht verwendbar: 1 bis {max} Buchstaben, Ziffern, \u{201e}-\u{201c}, \u{201e}_\u{201c} oder \u{201e}.\u{201c}."),
        }
    }
    pub fn article_unreachable(&self, url: &str) -> String {
        match self.lang {
            Lang::En => format!("The article could not be loaded from {url}: the server did not answer, or it does not allow this site to read the file (CORS)."),
            Lang::Uk => format!("Не вдалося завантажити статтю з {url}: сервер не відповів або не дозволяє цьому сайту читати файл (CORS)."),
            Lang::De => format!("Der Artikel konnte nicht von {url} geladen werden: Der Server hat nicht geantwortet oder erlaubt dieser Website nicht, die Datei zu lesen (CORS)."),
        }
    }
    pub fn article_status(&self, url: &str, status: u16, text: &str) -> String {
        match self.lang {
            Lang::En => format!("The article could not be loaded from {url}: the server answered {status} {text}."),
            Lang::Uk => format!("Не вдалося завантажити статтю з {url}: сервер відповів {status} {text}."),
            Lang::De => format!("Der Artikel konnte nicht von {url} geladen werden: Der Server antwortete mit {status} {text}."),
        }
    }
    /// An article that was loaded but cannot be used (`detail` is technical, in English).
    pub fn article_invalid(&self, detail: &str, url: &str) -> String {
        match self.lang {
            Lang::En => format!("{detail} (from {url})"),
            Lang::Uk => format!("Дані статті не вдалося використати: {detail} (з {url})"),
            Lang::De => format!("Die Artikeldaten sind nicht verwendbar: {detail} (von {url})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NAME_LIMITS, TEXT_LIMITS};

    #[test]
    fn a_refused_paste_says_its_size_and_the_limit() {
        assert_eq!(
            Text::cldr(Lang::En).insert_refused(1_048_576),
            "Not added: that is 1,048,576 characters, and a comment holds 5,000 at most. What you had written is unchanged."
        );
        assert!(Text::cldr(Lang::Uk).insert_refused(1_048_576).starts_with("Не додано: це 1\u{a0}048\u{a0}576 символів"));
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
            (Lang::En, AgeUnit::Minute, "1 minute ago | 2 minutes ago | 3 minutes ago | 5 minutes ago | 11 minutes ago | 21 minutes ago | 22 minutes ago | 25 minutes ago | 1,234 minutes ago"),
            (Lang::En, AgeUnit::Hour, "1 hour ago | 2 hours ago | 3 hours ago | 5 hours ago | 11 hours ago | 21 hours ago | 22 hours ago | 25 hours ago | 1,234 hours ago"),
            (Lang::En, AgeUnit::Day, "yesterday | 2 days ago | 3 days ago | 5 days ago | 11 days ago | 21 days ago | 22 days ago | 25 days ago | 1,234 days ago"),
            (Lang::En, AgeUnit::Week, "last week | 2 weeks ago | 3 weeks ago | 5 weeks ago | 11 weeks ago | 21 weeks ago | 22 weeks ago | 25 weeks ago | 1,234 weeks ago"),
            (Lang::En, AgeUnit::Month, "last month | 2 months ago | 3 months ago | 5 months ago | 11 months ago | 21 months ago | 22 months ago | 25 months ago | 1,234 months ago"),
            (Lang::En, AgeUnit::Year, "last year | 2 years ago | 3 years ago | 5 years ago | 11 years ago | 21 years ago | 22 years ago | 25 years ago | 1,234 years ago"),
            (Lang::Uk, AgeUnit::Minute, "1 хвилину тому | 2 хвилини тому | 3 хвилини тому | 5 хвилин тому | 11 хвилин тому | 21 хвилину тому | 22 хвилини тому | 25 хвилин тому | 1\u{a0}234 хвилини тому"),
            (Lang::Uk, AgeUnit::Hour, "1 годину тому | 2 години тому | 3 години тому | 5 годин тому | 11 годин тому | 21 годину тому | 22 години тому | 25 годин тому | 1\u{a0}234 години тому"),
            (Lang::Uk, AgeUnit::Day, "учора | позавчора | 3 дні тому | 5 днів тому | 11 днів тому | 21 день тому | 22 дні тому | 25 днів тому | 1\u{a0}234 дні тому"),
            (Lang::Uk, AgeUnit::Week, "минулого тижня | 2 тижні тому | 3 тижні тому | 5 тижнів тому | 11 тижнів тому | 21 тиждень тому | 22 тижні тому | 25 тижнів тому | 1\u{a0}234 тижні тому"),
            (Lang::Uk, AgeUnit::Month, "минулого місяця | 2 місяці тому | 3 місяці тому | 5 місяців тому | 11 місяців тому | 21 місяць тому | 22 місяці тому | 25 місяців тому | 1\u{a0}234 місяці тому"),
            (Lang::Uk, AgeUnit::Year, "минулого року | 2 роки тому | 3 роки тому | 5 років тому | 11 років тому | 21 рік тому | 22 роки тому | 25 років тому | 1\u{a0}234 роки тому"),
            (Lang::De, AgeUnit::Minute, "vor 1 Minute | vor 2 Minuten | vor 3 Minuten | vor 5 Minuten | vor 11 Minuten | vor 21 Minuten | vor 22 Minuten | vor 25 Minuten | vor 1.234 Minuten"),
            (Lang::De, AgeUnit::Hour, "vor 1 Stunde | vor 2 Stunden | vor 3 Stunden | vor 5 Stunden | vor 11 Stunden | vor 21 Stunden | vor 22 Stunden | vor 25 Stunden | vor 1.234 Stunden"),
            (Lang::De, AgeUnit::Day, "gestern | vorgestern | vor 3 Tagen | vor 5 Tagen | vor 11 Tagen | vor 21 Tagen | vor 22 Tagen | vor 25 Tagen | vor 1.234 Tagen"),
            (Lang::De, AgeUnit::Week, "letzte Woche | vor 2 Wochen | vor 3 Wochen | vor 5 Wochen | vor 11 Wochen | vor 21 Wochen | vor 22 Wochen | vor 25 Wochen | vor 1.234 Wochen"),
            (Lang::De, AgeUnit::Month, "letzten Monat | vor 2 Monaten | vor 3 Monaten | vor 5 Monaten | vor 11 Monaten | vor 21 Monaten | vor 22 Monaten | vor 25 Monaten | vor 1.234 Monaten"),
            (Lang::De, AgeUnit::Year, "letztes Jahr | vor 2 Jahren | vor 3 Jahren | vor 5 Jahren | vor 11 Jahren | vor 21 Jahren | vor 22 Jahren | vor 25 Jahren | vor 1.234 Jahren"),
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
        let browser = ["fr-FR".to_string(), "de-AT".to_string(), "uk".to_string()];
        assert_eq!(Lang::negotiate(Some("uk-UA"), Some("de"), &browser), Lang::Uk);
        assert_eq!(Lang::negotiate(Some("fr"), Some("DE"), &browser), Lang::De);
        assert_eq!(Lang::negotiate(None, None, &browser), Lang::De);
        assert_eq!(Lang::negotiate(None, Some("xx"), &["pl".into()]), Lang::En);
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
        assert_eq!(en.like_label("Raphael", 3), "Like Raphael\u{2019}s comment, 3 likes");
        let de = Text::cldr(Lang::De);
        assert_eq!(de.comments(1), "1 Kommentar");
        assert_eq!(de.comments(1_234), "1.234 Kommentare");
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
    fn counter_appears_near_the_limit() {
        let en = Text::cldr(Lang::En);
        assert_eq!(en.counter(&"a".repeat(4_499), TEXT_LIMITS), None);
        assert_eq!(en.counter(&"a".repeat(4_500), TEXT_LIMITS), Some("500 characters left".into()));
        assert_eq!(en.counter(&"a".repeat(4_999), TEXT_LIMITS), Some("1 character left".into()));
        assert_eq!(en.counter(&"a".repeat(1_000_000), TEXT_LIMITS), Some("995,000 characters over the limit".into()));
        assert_eq!(Text::cldr(Lang::Uk).counter(&"a".repeat(48), NAME_LIMITS), Some("залишилось 2 символи".into()));
    }
}
