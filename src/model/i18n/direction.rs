//! Language tags and which way a language is written, from its BCP 47 tag:
//! one rule for the interface language (`Lang::direction`) and the
//! article's (its JSON may carry `lang`, which sets the article's own
//! `dir`, apart from the interface's).

/// A language tag as a page may use it in `lang`: ASCII letters, digits and
/// `-`, a primary subtag of 2 to 8 letters, at most 35 characters in all
/// (BCP 47's longest practical tag).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LangTag(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    /// The value of a `dir` attribute.
    pub fn attribute(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// Languages written right to left by default (their primary subtag).
const RTL_LANGUAGES: [&str; 14] =
    ["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "syr", "ug", "ur", "yi"];
/// Scripts written right to left (a script subtag overrides the language's default).
const RTL_SCRIPTS: [&str; 9] = ["adlm", "arab", "hebr", "mand", "nkoo", "rohg", "samr", "syrc", "thaa"];
/// Scripts written left to right that some of those languages also use.
const LTR_SCRIPTS: [&str; 3] = ["latn", "cyrl", "deva"];

impl LangTag {
    /// `None` for what no page should put in `lang`.
    pub fn parse(tag: &str) -> Option<LangTag> {
        let tag = tag.trim();
        let mut subtags = tag.split('-');
        let primary = subtags.next()?;
        let well_formed = tag.len() <= 35
            && (2..=8).contains(&primary.len())
            && primary.bytes().all(|b| b.is_ascii_alphabetic())
            && subtags.all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()));
        well_formed.then(|| LangTag(tag.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Which way the tag's language is written ([`of_tag`]).
    pub fn direction(&self) -> Direction {
        of_tag(&self.0)
    }
}

/// Right to left for the languages and scripts that are; a script subtag
/// decides over the language (`ku-Arab` is, `ur-Latn` is not).
pub fn of_tag(tag: &str) -> Direction {
    let mut subtags = tag.split('-').map(str::to_ascii_lowercase);
    let primary = subtags.next().unwrap_or_default();
    let script = subtags.find(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_alphabetic()));
    let rtl = match script.as_deref() {
        Some(script) if RTL_SCRIPTS.contains(&script) => true,
        Some(script) if LTR_SCRIPTS.contains(&script) => false,
        _ => RTL_LANGUAGES.contains(&primary.as_str()),
    };
    if rtl { Direction::Rtl } else { Direction::Ltr }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(tag: &str) -> Option<Direction> {
        LangTag::parse(tag).map(|tag| tag.direction())
    }

    #[test]
    fn right_to_left_languages_and_scripts() {
        for tag in ["ar", "he", "fa-IR", "ur", "yi", "ar-EG", "ku-Arab", "AR", "he-il"] {
            assert_eq!(dir(tag), Some(Direction::Rtl), "{tag}");
        }
        for tag in ["en", "de-CH", "uk", "zh-Hans", "ja", "ur-Latn", "tr", "az-Cyrl"] {
            assert_eq!(dir(tag), Some(Direction::Ltr), "{tag}");
        }
    }

    #[test]
    fn what_no_page_should_put_in_lang_is_refused() {
        for tag in [
            "",
            "e",
            "en_US",
            "<script>",
            "ar\"dir",
            "x-very-long-tag-that-goes-on-and-on-and-on",
            "123",
            "en--us",
            "en-",
        ] {
            assert_eq!(LangTag::parse(tag), None, "{tag}");
        }
        assert_eq!(LangTag::parse(" he ").map(|t| t.as_str().to_string()), Some("he".into()));
    }
}
