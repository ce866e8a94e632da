//! The rules a name and a comment must meet before they are posted.

/// Length rules for one field, counted in characters after trimming.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    pub max: usize,
    /// From this many characters on, the composer shows a counter.
    pub counter_from: usize,
}

pub const NAME_LIMITS: Limits = Limits { max: 50, counter_from: 40 };
pub const TEXT_LIMITS: Limits = Limits { max: 5_000, counter_from: 4_500 };

/// The most characters one paste, drop or insertion may add to a field: four
/// comments' worth, enough to paste a draft and cut it down to size. A
/// megabyte pasted into a text field costs Chromium about 200 ms to insert
/// and lay out however the page reacts, so larger insertions are refused
/// before they happen.
pub const LARGEST_INSERT: usize = 4 * TEXT_LIMITS.max;

/// The length of an insertion that must be refused, or `None` to let it in.
pub fn refused_insert(incoming: &str) -> Option<usize> {
    // Cheap bound first: a string of at most LARGEST_INSERT bytes has at most
    // that many characters.
    if incoming.len() <= LARGEST_INSERT {
        return None;
    }
    let characters = incoming.chars().count();
    (characters > LARGEST_INSERT).then_some(characters)
}

/// A word longer than this is laid out slowly by Chromium when a field wraps
/// inside it (seconds for a pasted megabyte of one "word").
pub const LONGEST_WRAPPED_WORD: usize = 1_000;

/// Whether a comment field holding `text` should stop wrapping inside words:
/// only over the limit (the text cannot be posted as it is) and with an
/// enormous unbroken word in it. Ordinary text keeps wrapping as usual.
pub fn stops_wrapping(text: &str) -> bool {
    length(text) > TEXT_LIMITS.max && text.split_whitespace().any(|word| word.len() > LONGEST_WRAPPED_WORD)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Name,
    Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldError {
    /// Nothing but white space.
    Empty,
    /// Longer than the limit by `over` characters.
    TooLong { max: usize, over: usize },
}

/// The length that counts against a field's limit.
pub fn length(input: &str) -> usize {
    input.trim().chars().count()
}

/// Checks one field and returns its trimmed value.
pub fn check(input: &str, limits: Limits) -> Result<String, FieldError> {
    let trimmed = input.trim();
    let length = trimmed.chars().count();
    if length == 0 {
        Err(FieldError::Empty)
    } else if length > limits.max {
        Err(FieldError::TooLong { max: limits.max, over: length - limits.max })
    } else {
        Ok(trimmed.to_string())
    }
}

/// A name that meets the posting rules, trimmed. Only [`Name::check`] makes
/// one, so a name that skipped the rules cannot be posted or stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name(String);

/// A comment's text that meets the posting rules, trimmed. Only
/// [`Body::check`] makes one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Body(String);

impl Name {
    pub fn check(input: &str) -> Result<Name, FieldError> {
        check(input, NAME_LIMITS).map(Name)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl Body {
    pub fn check(input: &str) -> Result<Body, FieldError> {
        check(input, TEXT_LIMITS).map(Body)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// What a reader typed into the composer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    pub name: String,
    pub text: String,
}

/// A draft that passed [`Draft::check`]: the only thing that can be posted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Valid {
    pub author: Name,
    pub text: Body,
}

/// The per-field outcome of checking a draft.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DraftErrors {
    pub name: Option<FieldError>,
    pub text: Option<FieldError>,
}

impl Draft {
    /// The trimmed name and text, or what is wrong with each field.
    pub fn check(&self) -> Result<Valid, DraftErrors> {
        match (Name::check(&self.name), Body::check(&self.text)) {
            (Ok(author), Ok(text)) => Ok(Valid { author, text }),
            (name, text) => Err(DraftErrors { name: name.err(), text: text.err() }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_enormous_insertions_are_refused() {
        assert_eq!(refused_insert(""), None);
        assert_eq!(refused_insert(&"a".repeat(LARGEST_INSERT)), None);
        // Multi-byte characters count once each.
        assert_eq!(refused_insert(&"ї".repeat(LARGEST_INSERT)), None);
        assert_eq!(refused_insert(&"a".repeat(LARGEST_INSERT + 1)), Some(LARGEST_INSERT + 1));
        assert_eq!(refused_insert(&"a".repeat(1 << 20)), Some(1 << 20));
    }

    #[test]
    fn only_an_oversized_text_with_a_huge_word_stops_wrapping() {
        let word = "w".repeat(LONGEST_WRAPPED_WORD + 1);
        assert!(!stops_wrapping(&word), "within the limit it wraps as usual");
        assert!(stops_wrapping(&format!("{word} {}", "a ".repeat(TEXT_LIMITS.max))));
        assert!(!stops_wrapping(&"a ".repeat(TEXT_LIMITS.max * 2)), "many ordinary words wrap");
        // Counted like the limit: white space around the text does not count.
        let padded = format!("{}{word}{}", " ".repeat(TEXT_LIMITS.max), " ".repeat(TEXT_LIMITS.max));
        assert!(!stops_wrapping(&padded));
    }

    #[test]
    fn white_space_alone_is_empty() {
        for blank in ["", " ", "\n\t  \r\n", "\u{3000}"] {
            assert_eq!(check(blank, NAME_LIMITS), Err(FieldError::Empty), "{blank:?}");
        }
    }

    #[test]
    fn values_are_trimmed_and_limits_are_inclusive() {
        assert_eq!(check("  Ann \n", NAME_LIMITS), Ok("Ann".into()));
        let fifty = "é".repeat(50);
        assert_eq!(check(&format!(" {fifty} "), NAME_LIMITS), Ok(fifty.clone()));
        assert_eq!(check(&format!("{fifty}x"), NAME_LIMITS), Err(FieldError::TooLong { max: 50, over: 1 }));
        assert!(check(&"w".repeat(5_000), TEXT_LIMITS).is_ok());
        assert_eq!(check(&"w".repeat(6_234), TEXT_LIMITS), Err(FieldError::TooLong { max: 5_000, over: 1_234 }));
    }

    #[test]
    fn a_draft_reports_both_fields() {
        let draft = Draft { name: " ".into(), text: "x".repeat(5_001) };
        assert_eq!(
            draft.check(),
            Err(DraftErrors { name: Some(FieldError::Empty), text: Some(FieldError::TooLong { max: 5_000, over: 1 }) })
        );
        let ok = Draft { name: " Ann".into(), text: "Hi \n".into() }.check().unwrap();
        assert_eq!((ok.author.as_str(), ok.text.as_str()), ("Ann", "Hi"));
    }
}
