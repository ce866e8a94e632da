//! A relay's published limits (NIP-11: its information document, the JSON
//! its address answers over HTTP to `Accept: application/nostr+json`). Only
//! `limitation.max_limit` is used: pages ask for no more than that, and a
//! page with fewer is known to be the last. A relay without the document,
//! or whose answer the page may not read (CORS), is paged without it.

use super::Hub;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The largest answer read: a relay's document is a few kilobytes.
const MAX_DOCUMENT: usize = 64 * 1024;

/// The HTTP address of a relay's information document.
fn document_url(relay: &str) -> Option<String> {
    if let Some(rest) = relay.strip_prefix("wss://") {
        Some(format!("https://{rest}"))
    } else {
        relay.strip_prefix("ws://").map(|rest| format!("http://{rest}"))
    }
}

/// `limitation.max_limit` of an information document (read as a JSON value:
/// the relay layer reads relays' messages that way already, so this costs
/// no decoder of its own).
fn max_limit(document: &str) -> Option<usize> {
    let document: serde_json::Value = serde_json::from_str(document).ok()?;
    let max = document.get("limitation")?.get("max_limit")?.as_u64()?;
    (max > 0).then(|| usize::try_from(max).unwrap_or(usize::MAX))
}

async fn fetch_document(url: &str) -> Option<String> {
    let window = web_sys::window()?;
    let init = web_sys::RequestInit::new();
    let headers = js_sys::Object::new();
    js_sys::Reflect::set(&headers, &"Accept".into(), &"application/nostr+json".into()).ok()?;
    init.set_headers(&headers);
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
    (text.len() <= MAX_DOCUMENT).then_some(text)
}

/// Reads relay `index`'s limits, and pages it accordingly from then on.
/// Called inside a borrow of the hub: the work happens in a task of its own.
pub(super) fn learn_limits(hub: &Rc<RefCell<Hub>>, index: usize) {
    let weak = Rc::downgrade(hub);
    spawn_local(async move {
        let url = weak.upgrade().and_then(|hub| {
            hub.try_borrow().ok().and_then(|h| h.connections.get(index).and_then(|c| document_url(&c.url)))
        });
        let Some(url) = url else { return };
        let Some(max) = fetch_document(&url).await.as_deref().and_then(max_limit) else { return };
        if let Some(hub) = weak.upgrade()
            && let Ok(mut state) = hub.try_borrow_mut()
            && let Some(connection) = state.connections.get_mut(index)
        {
            connection.pager.set_max_limit(max);
        }
    });
}
