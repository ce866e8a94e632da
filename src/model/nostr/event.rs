//! Nostr events (NIP-01): their shape, the serialisation their id is the
//! SHA-256 of, and checking an event from a relay before anything else
//! looks at it.

use super::keys;
use serde::{Deserialize, Serialize};

/// A signed event as relays send and store it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub pubkey: String,
    pub created_at: u64,
    pub kind: u32,
    pub tags: Vec<Vec<String>>,
    pub content: String,
    pub sig: String,
}

/// An event before it is signed: what its author decides.
#[derive(Clone, Debug, PartialEq)]
pub struct Unsigned {
    pub pubkey: String,
    pub created_at: u64,
    pub kind: u32,
    pub tags: Vec<Vec<String>>,
    pub content: String,
}

/// Kinds agora reads and writes.
pub const PROFILE: u32 = 0;
pub const DELETION: u32 = 5;
pub const REACTION: u32 = 7;
pub const COMMENT: u32 = 1111;
pub const MUTE_LIST: u32 = 10000;
/// A NIP-51 follow set: moderators approve authors in theirs whose `d` tag
/// is [`crate::model::nostr::moderation::APPROVED`].
pub const FOLLOW_SET: u32 = 30000;

/// The largest event agora takes from a relay, in bytes of its JSON: a
/// comment of 5,000 characters of four-byte text with its tags fits many
/// times over; anything larger is not an agora-sized comment.
pub const MAX_EVENT_JSON: usize = 64 * 1024;

/// Why an event from a relay is ignored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Invalid {
    Malformed,
    /// The id is not the hash of the event's fields.
    WrongId,
    BadSignature,
    TooLarge,
}

impl Unsigned {
    /// `[0,<pubkey>,<created_at>,<kind>,<tags>,<content>]` as NIP-01 and
    /// every client (`JSON.stringify`) write it: no white space, strings
    /// escaped as JSON.stringify escapes them.
    pub fn serialize(&self) -> String {
        let mut out = String::with_capacity(self.content.len() + 128);
        out.push_str("[0,");
        json_string(&mut out, &self.pubkey);
        out.push(',');
        out.push_str(&self.created_at.to_string());
        out.push(',');
        out.push_str(&self.kind.to_string());
        out.push_str(",[");
        for (i, tag) in self.tags.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push('[');
            for (j, value) in tag.iter().enumerate() {
                if j > 0 {
                    out.push(',');
                }
                json_string(&mut out, value);
            }
            out.push(']');
        }
        out.push_str("],");
        json_string(&mut out, &self.content);
        out.push(']');
        out
    }

    /// The event id: the SHA-256 of the serialisation, in lower-case hex.
    pub fn id(&self) -> String {
        keys::to_hex(&keys::sha256(self.serialize().as_bytes()))
    }

    /// Signs with a secret key; `None` if the key is not one.
    pub fn sign(self, secret: &keys::SecretKey, aux: &[u8; 32]) -> Option<Event> {
        let id = self.id();
        let sig = secret.sign(&keys::from_hex::<32>(&id)?, aux)?;
        Some(Event {
            id,
            pubkey: self.pubkey,
            created_at: self.created_at,
            kind: self.kind,
            tags: self.tags,
            content: self.content,
            sig,
        })
    }
}

/// A JSON string as `JSON.stringify` writes it: `"` and `\` escaped, the
/// short escapes for \b \f \n \r \t, other control characters as `\u00xx`
/// in lower case, everything else as it is.
pub fn json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

impl Event {
    fn unsigned(&self) -> Unsigned {
        Unsigned {
            pubkey: self.pubkey.clone(),
            created_at: self.created_at,
            kind: self.kind,
            tags: self.tags.clone(),
            content: self.content.clone(),
        }
    }

    /// Reads an event from a relay's JSON and checks that it is what it
    /// says: its id is its hash and its signature is its author's.
    pub fn verified(json: &str) -> Result<Event, Invalid> {
        if json.len() > MAX_EVENT_JSON {
            return Err(Invalid::TooLarge);
        }
        let event: Event = serde_json::from_str(json).map_err(|_| Invalid::Malformed)?;
        event.verify()?;
        Ok(event)
    }

    /// Checks the id and the signature.
    pub fn verify(&self) -> Result<(), Invalid> {
        if !keys::is_hex(&self.id, 64) || !keys::is_hex(&self.pubkey, 64) || !keys::is_hex(&self.sig, 128) {
            return Err(Invalid::Malformed);
        }
        if self.unsigned().id() != self.id {
            return Err(Invalid::WrongId);
        }
        if !keys::verify(&self.pubkey, &self.id, &self.sig) {
            return Err(Invalid::BadSignature);
        }
        Ok(())
    }

    /// The first value of the first tag named `name`.
    pub fn tag(&self, name: &str) -> Option<&str> {
        self.tags.iter().find(|t| t.first().is_some_and(|n| n == name)).and_then(|t| t.get(1)).map(String::as_str)
    }

    /// The first values of every tag named `name`, in order.
    pub fn tag_values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.tags
            .iter()
            .filter(move |t| t.first().is_some_and(|n| n == name))
            .filter_map(|t| t.get(1))
            .map(String::as_str)
    }

    /// The event as JSON, to send or keep.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Events made and signed by nostr-tools 2.25.2 (see tests/fixtures/nostr/).
    fn vectors() -> serde_json::Value {
        let root = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
        let path = format!("{root}/tests/fixtures/nostr/events.json");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        serde_json::from_str(&text).unwrap()
    }

    #[test]
    fn serialisation_ids_and_signatures_match_nostr_tools() {
        let vectors = vectors();
        let secret = keys::SecretKey::from_hex(vectors["secret_key"].as_str().unwrap()).unwrap();
        let aux = [0u8; 32];
        for v in vectors["events"].as_array().unwrap() {
            let unsigned = Unsigned {
                pubkey: v["pubkey"].as_str().unwrap().into(),
                created_at: v["created_at"].as_u64().unwrap(),
                kind: v["kind"].as_u64().unwrap() as u32,
                tags: serde_json::from_value(v["tags"].clone()).unwrap(),
                content: v["content"].as_str().unwrap().into(),
            };
            assert_eq!(unsigned.serialize(), v["serialization"].as_str().unwrap());
            assert_eq!(secret.public_hex(), unsigned.pubkey);
            let event = unsigned.sign(&secret, &aux).unwrap();
            assert_eq!(event.id, v["id"].as_str().unwrap());
            assert_eq!(event.sig, v["sig"].as_str().unwrap());
            assert_eq!(Event::verified(&event.to_json()), Ok(event));
        }
    }

    #[test]
    fn a_tampered_event_is_refused_with_its_reason() {
        let vectors = vectors();
        let good: Event = serde_json::from_value(vectors["events"][0].clone()).unwrap();
        let mut changed = good.clone();
        changed.content.push('!');
        assert_eq!(changed.verify(), Err(Invalid::WrongId));
        let mut forged = good.clone();
        forged.sig = forged.sig.replace(&forged.sig[..2], if &forged.sig[..2] == "00" { "11" } else { "00" });
        assert_eq!(forged.verify(), Err(Invalid::BadSignature));
        let mut short = good.clone();
        short.id.pop();
        assert_eq!(short.verify(), Err(Invalid::Malformed));
        assert_eq!(Event::verified("[1,2]"), Err(Invalid::Malformed));
        assert_eq!(Event::verified(&" ".repeat(MAX_EVENT_JSON + 1)), Err(Invalid::TooLarge));
    }
}
