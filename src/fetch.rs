//! Loads a host's article JSON over HTTP.

use crate::model::{Article, ArticleError};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// The article at `url`, or what went wrong (worded by `Text::article_error`).
pub async fn fetch_article(url: &str) -> Result<Article, ArticleError> {
    let window = web_sys::window().ok_or(ArticleError::Unreachable)?;
    let response: Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .ok()
        .and_then(|value| value.dyn_into().ok())
        .ok_or(ArticleError::Unreachable)?;
    if !response.ok() {
        let status = format!("{} {}", response.status(), response.status_text());
        return Err(ArticleError::Status(status.trim_end().to_string()));
    }
    let body = match response.text() {
        Ok(promise) => JsFuture::from(promise).await.ok().and_then(|text| text.as_string()),
        Err(_) => None,
    }
    .ok_or(ArticleError::Unreachable)?;
    Article::from_json(&body)
}
