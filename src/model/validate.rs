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

impl FieldError {
    /// What to fix, in words for the reader.
    pub fn message(&self, field: Field) -> String {
        match (self, field) {
            (FieldError::Empty, Field::Name) => "Please enter your name.".into(),
            (FieldError::Empty, Field::Text) => "Please write a comment.".into(),
            (FieldError::TooLong { max, over }, Field::Name) => format!(
                "Your name is {} too long: {} characters at most.",
                characters(*over),
                group_thousands(*max)
            ),
            (FieldError::TooLong { max, over }, Field::Text) => format!(
                "Your comment is {} too long: {} characters at most. Your text is kept; shorten it to post.",
                characters(*over),
                group_thousands(*max)
            ),
        }
    }
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

/// The counter shown near the limit, or `None` while the text is well short of it.
pub fn counter(input: &str, limits: Limits) -> Option<String> {
    let length = length(input);
    if length < limits.counter_from {
        None
    } else if length <= limits.max {
        Some(format!("{} left", characters(limits.max - length)))
    } else {
        Some(format!("{} over the limit", characters(length - limits.max)))
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

fn characters(n: usize) -> String {
    let unit = if n == 1 { "character" } else { "characters" };
    format!("{} {unit}", group_thousands(n))
}

fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn messages_say_what_to_fix() {
        let long = FieldError::TooLong { max: 5_000, over: 1_234 };
        assert_eq!(
            long.message(Field::Text),
            "Your comment is 1,234 characters too long: 5,000 characters at most. Your text is kept; shorten it to post."
        );
        assert_eq!(FieldError::Empty.message(Field::Name), "Please enter your name.");
        let one = FieldError::TooLong { max: 50, over: 1 };
        assert_eq!(one.message(Field::Name), "Your name is 1 character too long: 50 characters at most.");
    }

    #[test]
    fn counter_appears_near_the_limit() {
        assert_eq!(counter(&"a".repeat(4_499), TEXT_LIMITS), None);
        assert_eq!(counter(&"a".repeat(4_500), TEXT_LIMITS), Some("500 characters left".into()));
        assert_eq!(counter(&"a".repeat(4_999), TEXT_LIMITS), Some("1 character left".into()));
        assert_eq!(
            counter(&"a".repeat(1_000_000), TEXT_LIMITS),
            Some("995,000 characters over the limit".into())
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
