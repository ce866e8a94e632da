//! Who the reader is on Nostr: a key pair made in this browser from its
//! cryptographic random source and kept in agora's storage, or a NIP-07
//! signer (`window.nostr`, a browser extension) when the reader has one.

use crate::model::nostr::keys::{self, SecretKey};
use crate::model::nostr::{Event, Unsigned};
use crate::store::Store;
use js_sys::{Array, JSON, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// `n` bytes from `crypto.getRandomValues`; `None` if the browser has none.
pub fn random<const N: usize>() -> Option<[u8; N]> {
    let mut bytes = [0u8; N];
    web_sys::window()?.crypto().ok()?.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(bytes)
}

#[derive(Clone)]
pub enum Signer {
    Local(SecretKey),
    /// A NIP-07 extension holds the key; this is its public key.
    Extension(String),
}

impl Signer {
    /// The reader's signer: their extension if the page has one, else the
    /// key this browser keeps, made now if there is none yet. `None` when
    /// neither can be had (no random source, or the key cannot be stored:
    /// a key that is not kept would sign comments that could never be
    /// deleted).
    pub async fn get(store: &Store) -> Option<Signer> {
        if let Some(pubkey) = extension_key().await {
            return Some(Signer::Extension(pubkey));
        }
        if let Some(key) = store.nostr_key().and_then(|hex| SecretKey::from_hex(&hex)) {
            return Some(Signer::Local(key));
        }
        for _ in 0..8 {
            if let Some(key) = random::<32>().and_then(|bytes| SecretKey::from_bytes(&bytes)) {
                store.set_nostr_key(&key.to_hex()).ok()?;
                return Some(Signer::Local(key));
            }
        }
        None
    }

    /// The key this browser already keeps, when the page has no extension:
    /// known at once, without asking anything or making a key (so that the
    /// reader's own likes from an earlier visit are told from others').
    pub fn kept(store: &Store) -> Option<Signer> {
        if nostr().is_some() {
            return None;
        }
        store.nostr_key().and_then(|hex| SecretKey::from_hex(&hex)).map(Signer::Local)
    }

    pub fn pubkey(&self) -> String {
        match self {
            Signer::Local(key) => key.public_hex(),
            Signer::Extension(pubkey) => pubkey.clone(),
        }
    }

    /// Signs an event; `None` if the signer refused (the reader declined
    /// in their extension) or returned something else than was asked.
    pub async fn sign(&self, unsigned: Unsigned) -> Option<Event> {
        match self {
            Signer::Local(key) => unsigned.sign(key, &random::<32>()?),
            Signer::Extension(_) => {
                let asked = unsigned.clone();
                let signed = extension_call("signEvent", Some(&to_js(&unsigned))).await?;
                let event = Event::verified(&String::from(JSON::stringify(&signed).ok()?)).ok()?;
                let same = event.kind == asked.kind
                    && event.content == asked.content
                    && event.tags == asked.tags
                    && event.pubkey == asked.pubkey;
                same.then_some(event)
            }
        }
    }
}

fn nostr() -> Option<JsValue> {
    let window: JsValue = web_sys::window()?.into();
    let value = Reflect::get(&window, &JsValue::from_str("nostr")).ok()?;
    value.is_object().then_some(value)
}

/// Calls `window.nostr.<method>(argument)` and awaits its promise.
async fn extension_call(method: &str, argument: Option<&JsValue>) -> Option<JsValue> {
    let nostr = nostr()?;
    let function: js_sys::Function = Reflect::get(&nostr, &JsValue::from_str(method)).ok()?.dyn_into().ok()?;
    let result = match argument {
        Some(argument) => function.call1(&nostr, argument),
        None => function.call0(&nostr),
    }
    .ok()?;
    JsFuture::from(js_sys::Promise::resolve(&result)).await.ok()
}

/// Whether the page has a NIP-07 signer (`window.nostr`).
pub fn has_extension() -> bool {
    nostr().is_some()
}

pub async fn extension_key() -> Option<String> {
    let key = extension_call("getPublicKey", None).await?.as_string()?;
    keys::is_hex(&key, 64).then_some(key)
}

/// The event as NIP-07's `signEvent` takes it.
fn to_js(event: &Unsigned) -> JsValue {
    let object = Object::new();
    let tags = Array::new();
    for tag in &event.tags {
        tags.push(&tag.iter().map(|v| JsValue::from_str(v)).collect::<Array>());
    }
    let set = |name: &str, value: JsValue| Reflect::set(&object, &JsValue::from_str(name), &value);
    let _ = set("kind", JsValue::from(event.kind));
    let _ = set("created_at", JsValue::from(event.created_at as f64));
    let _ = set("tags", tags.into());
    let _ = set("content", JsValue::from_str(&event.content));
    let _ = set("pubkey", JsValue::from_str(&event.pubkey));
    object.into()
}
