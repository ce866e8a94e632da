//! Thin Leptos views: they render signals and hand user actions to the app.

mod article_view;
pub mod comment_item;
mod composer;
mod formatted_text;
mod thread_view;

pub use article_view::ArticleView;
pub use comment_item::CommentItem;
pub use composer::{Composer, PostResult};
pub use formatted_text::FormattedText;
pub use thread_view::ThreadView;
