//! The safe formatting subset of comment text (being written).
