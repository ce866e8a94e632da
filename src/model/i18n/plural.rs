//! Plural rules: the CLDR category of a number ([`Plural`]) and the form of
//! a message for it. In the WebAssembly the browser's `Intl.PluralRules`
//! decides; natively (tests, the first screen) the rules below do, and a
//! test holds them to what Chromium says.

use super::lang::Lang;
use super::strings::Forms;

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

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;
    use crate::model::i18n::{Text, messages::EN};

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
                    lang == Lang::En || strings.comments.pick(category) != EN.comments.pick(category),
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
}
