//! Loads a host's article JSON over HTTP.

use crate::model::{Article, Text};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// The article at `url`, or what went wrong in words for the site owner.
pub async fn fetch_article(url: &str, text: Text) -> Result<Article, String> {
    let unreachable = || text.article_unreachable(url);
    let window = web_sys::window().ok_or_else(unreachable)?;
    let response: Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .ok()
        .and_then(|value| value.dyn_into().ok())
        .ok_or_else(unreachable)?;
    if !response.ok() {
        return Err(text.article_status(url, response.status(), &response.status_text()));
    }
    let body = match response.text() {
        Ok(promise) => JsFuture::from(promise).await.ok().and_then(|text| text.as_string()),
        Err(_) => None,
    }
    .ok_or_else(unreachable)?;
    Article::from_json(&body).map_err(|error| text.article_invalid(&error.to_string(), url))
}
