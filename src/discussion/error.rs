//! Why a reader's action changed nothing, as a value, and the one place
//! that puts it into the reader's words.

use crate::model::{ImportError, Text};
use crate::store::StoreError;

/// The reader's actions that can fail.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Action {
    Post,
    Edit,
    Delete,
    /// "Undo" after a delete.
    Restore,
    Like,
    Import,
}

/// Why an action changed nothing (nothing was stored, nothing is shown).
#[derive(Clone, Debug, PartialEq)]
pub enum ActionError {
    /// Storage refused the change.
    NotStored(Action, StoreError),
    /// The comment is not the reader's own, or is gone.
    NotOwn(Action),
    /// The chosen file is not an export of this thread.
    BadImport(ImportError),
}

impl ActionError {
    /// What the reader is told.
    pub fn describe(&self, text: &Text) -> String {
        let (action, reason) = match self {
            ActionError::NotStored(action, error) => (*action, error.describe(text)),
            ActionError::NotOwn(action) => (*action, text.only_own.to_string()),
            ActionError::BadImport(error) => return text.import_error(error),
        };
        match action {
            Action::Post => text.not_posted(&reason),
            Action::Edit => text.not_edited(&reason),
            Action::Delete => text.not_deleted(&reason),
            Action::Restore => text.not_restored(&reason),
            Action::Like => text.like_not_saved(&reason),
            Action::Import => text.not_imported(&reason),
        }
    }
}

/// What an import added.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Imported {
    pub comments: usize,
    pub likes: usize,
}

impl Imported {
    pub fn describe(&self, text: &Text) -> String {
        text.imported(self.comments, self.likes)
    }
}
