//! Language choice: the interface languages agora has ([`Lang`]), which
//! one a reader gets (the embed's attribute, the address, the browser's
//! preferences), and where each one's messages come from.

use super::direction::{self, Direction};
use super::messages::EN;
use super::strings::Strings;

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
        (self == Lang::En).then_some(&EN)
    }

    /// Which way the language is written: the rule of any language tag.
    pub fn direction(self) -> Direction {
        direction::of_tag(self.code())
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
        use super::language_file;
        use std::collections::HashMap;
        use std::sync::{Mutex, OnceLock};
        static READ: OnceLock<Mutex<HashMap<Lang, &'static Strings>>> = OnceLock::new();
        if let Some(strings) = self.built_in() {
            return strings;
        }
        let mut read = READ.get_or_init(Mutex::default).lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        read.entry(self).or_insert_with(|| {
            let strings = language_file::read_keyed(&EN, &EN, self.file()).map_or(EN, |(strings, _)| strings);
            Box::leak(Box::new(strings))
        })
    }
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;

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
    fn arabic_and_hebrew_are_written_right_to_left() {
        for lang in Lang::ALL {
            let rtl = matches!(lang, Lang::Ar | Lang::He);
            assert_eq!(lang.direction(), if rtl { Direction::Rtl } else { Direction::Ltr }, "{lang:?}");
        }
    }
}
