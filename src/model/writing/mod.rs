//! What readers write: the rules a name and a comment must meet before
//! they are posted (`validate`), and the small formatting subset they may
//! use (`format`), written as HTML source for the first screen (`markup`).

pub mod format;
pub mod markup;
pub mod validate;
