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

/// What a reader typed into the composer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    pub name: String,
    pub text: String,
}

/// The per-field outcome of checking a draft.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DraftErrors {
    pub name: Option<FieldError>,
    pub text: Option<FieldError>,
}

impl Draft {
    /// The trimmed name and text, or what is wrong with each field.
    pub fn check(&self) -> Result<(String, String), DraftErrors> {
        match (check(&self.name, NAME_LIMITS), check(&self.text, TEXT_LIMITS)) {
            (Ok(name), Ok(text)) => Ok((name, text)),
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
        assert_eq!(
            check(&format!("{fifty}x"), NAME_LIMITS),
            Err(FieldError::TooLong { max: 50, over: 1 })
        );
        assert!(check(&"w".repeat(5_000), TEXT_LIMITS).is_ok());
        assert_eq!(
            check(&"w".repeat(6_234), TEXT_LIMITS),
            Err(FieldError::TooLong { max: 5_000, over: 1_234 })
        );
    }

    #[test]
    fn a_draft_reports_both_fields() {
        let draft = Draft { name: " ".into(), text: "x".repeat(5_001) };
        assert_eq!(
            draft.check(),
            Err(DraftErrors {
                name: Some(FieldError::Empty),
                text: Some(FieldError::TooLong { max: 5_000, over: 1 })
            })
        );
        let ok = Draft { name: " Ann".into(), text: "Hi \n".into() };
        assert_eq!(ok.check(), Ok(("Ann".into(), "Hi".into())));
    }
}
