//! What a relay says (NIP-01), read once for both readers of relays: the
//! widget's relay layer (`crate::relay::reading`) and `agora-render`'s
//! snapshot (`crate::prerender::snapshot`). Anything malformed is `None`,
//! to be ignored: a relay's words never stop a reader.

use super::Event;
use serde_json::Value;

/// One message from a relay.
#[derive(Debug, PartialEq)]
pub enum RelayMessage {
    /// `["EVENT", sub, event]`; `event` is `None` where it is not an event
    /// agora can read (a page still counts it as come).
    Event { sub: String, event: Option<Event> },
    /// `["OK", id, accepted, reason]`. Some relays leave the id out of
    /// refusals, as `""` or not at all: `id` is then empty.
    Ok { id: String, accepted: bool, reason: String },
    /// `["EOSE", sub]`; `finish`: NIP-67's word that nothing older is left.
    EndOfStored { sub: String, finish: bool },
    /// `["CLOSED", sub, words]`: the relay ended (or refused) a subscription.
    Closed { sub: String, words: String },
    /// `["NOTICE", words]`.
    Notice { words: String },
}

/// Reads one message, or `None` for anything else.
pub fn parse(text: &str) -> Option<RelayMessage> {
    let mut message: Vec<Value> = serde_json::from_str(text).ok()?;
    let text_at =
        |message: &[Value], at: usize| message.get(at).and_then(Value::as_str).unwrap_or_default().to_string();
    let words = |message: &[Value]| message.last().and_then(Value::as_str).unwrap_or_default().to_string();
    match message.first()?.as_str()? {
        "EVENT" => {
            let sub = text_at(&message, 1);
            // Taken out, not copied: an event may be a megabyte.
            let event =
                (message.len() > 2).then(|| message.swap_remove(2)).and_then(|e| serde_json::from_value(e).ok());
            Some(RelayMessage::Event { sub, event })
        }
        "OK" => {
            // Anything but a text or a flag where the id goes is garbage, not
            // an answer: taken for one, it would count against the oldest
            // event still waiting for its answer.
            let (id, rest) = match message.get(1) {
                Some(Value::String(id)) => (id.clone(), 2),
                Some(Value::Bool(_)) => (String::new(), 1),
                _ => return None,
            };
            let accepted = message.get(rest).and_then(Value::as_bool).unwrap_or(false);
            Some(RelayMessage::Ok { id, accepted, reason: text_at(&message, rest + 1) })
        }
        "EOSE" => {
            Some(RelayMessage::EndOfStored { sub: text_at(&message, 1), finish: text_at(&message, 2) == "finish" })
        }
        "CLOSED" => Some(RelayMessage::Closed { sub: text_at(&message, 1), words: words(&message) }),
        "NOTICE" => Some(RelayMessage::Notice { words: words(&message) }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_relays_say_is_read_and_anything_else_ignored() {
        assert_eq!(
            parse(r#"["EOSE","p1","finish"]"#),
            Some(RelayMessage::EndOfStored { sub: "p1".into(), finish: true })
        );
        assert_eq!(parse(r#"["EOSE","p2"]"#), Some(RelayMessage::EndOfStored { sub: "p2".into(), finish: false }));
        assert_eq!(
            parse(r#"["CLOSED","p3","rate-limited: slow down"]"#),
            Some(RelayMessage::Closed { sub: "p3".into(), words: "rate-limited: slow down".into() })
        );
        assert_eq!(parse(r#"["NOTICE","hello"]"#), Some(RelayMessage::Notice { words: "hello".into() }));
        assert_eq!(
            parse(r#"["EVENT","p1",{"not":"an event"}]"#),
            Some(RelayMessage::Event { sub: "p1".into(), event: None })
        );
        assert_eq!(parse(r#"["EVENT","p1"]"#), Some(RelayMessage::Event { sub: "p1".into(), event: None }));
        for garbage in ["", "{}", "[]", "[1]", r#"["AUTH","x"]"#, "[\"EOSE\"", r#"["OK",7,true]"#] {
            assert_eq!(parse(garbage), None, "{garbage}");
        }
    }

    #[test]
    fn an_acknowledgement_without_its_id_is_still_read() {
        let ok = |id: &str, accepted, reason: &str| {
            Some(RelayMessage::Ok { id: id.into(), accepted, reason: reason.into() })
        };
        assert_eq!(parse(r#"["OK","e1",true,""]"#), ok("e1", true, ""));
        assert_eq!(parse(r#"["OK","",false,"blocked: no"]"#), ok("", false, "blocked: no"));
        assert_eq!(parse(r#"["OK",false,"pow: difficulty 20"]"#), ok("", false, "pow: difficulty 20"));
        assert_eq!(parse(r#"["OK","e2"]"#), ok("e2", false, ""));
    }

    #[test]
    fn a_readable_event_comes_whole() {
        let event = r#"{"id":"aa","pubkey":"bb","created_at":1,"kind":1111,"tags":[],"content":"hi","sig":"cc"}"#;
        let Some(RelayMessage::Event { sub, event: Some(event) }) = parse(&format!(r#"["EVENT","live",{event}]"#))
        else {
            panic!("not read")
        };
        assert_eq!((sub.as_str(), event.content.as_str(), event.created_at), ("live", "hi", 1));
    }
}
