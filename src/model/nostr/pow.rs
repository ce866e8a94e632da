//! Proof of work (NIP-13): an event whose id starts with enough zero bits,
//! found by trying nonces. The search runs a slice at a time so the page
//! never freezes (see `relay::publish`).

use super::event::Unsigned;

/// Leading zero bits of a hex id.
pub fn difficulty(id: &str) -> u32 {
    let mut bits = 0;
    for digit in id.chars() {
        match digit.to_digit(16) {
            Some(0) => bits += 4,
            Some(value) => return bits + value.leading_zeros() - 28,
            None => return bits,
        }
    }
    bits
}

/// The most difficulty agora will compute: 2^28 hashes take minutes even
/// on a fast computer, and no relay agora knows asks for more.
pub const MAX_DIFFICULTY: u32 = 28;

/// Tries `attempts` nonces from `*next` for an id of at least `target`
/// zero bits, with the nonce tag (`["nonce", n, target]`) last. Returns the
/// event once found; otherwise `*next` is where to go on.
pub fn mine(event: &mut Unsigned, target: u32, next: &mut u64, attempts: u64) -> bool {
    let target_text = target.to_string();
    event.tags.retain(|tag| tag.first().is_none_or(|name| name != "nonce"));
    event.tags.push(vec!["nonce".into(), String::new(), target_text]);
    let last = event.tags.len() - 1;
    for _ in 0..attempts {
        event.tags[last][1] = next.to_string();
        *next += 1;
        if difficulty(&event.id()) >= target {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn difficulty_counts_leading_zero_bits() {
        assert_eq!(difficulty("000006d8c378af1779d2feebc7603a125d99eca0ccf1085959b307f64e5dd358"), 21);
        assert_eq!(difficulty("002f"), 10);
        assert_eq!(difficulty("f000"), 0);
        assert_eq!(difficulty("0000"), 16);
        assert_eq!(difficulty("1"), 3);
    }

    /// NIP-13's own example: the note it mined has the difficulty it claims.
    #[test]
    fn a_mined_event_has_its_difficulty_and_a_nonce_tag_last() {
        let mut event = Unsigned {
            pubkey: "a48380f4cfcc1ad5378294fcac36439770f9c878dd880ffa94bb74ea54a6f243".into(),
            created_at: 1651794653,
            kind: 1,
            tags: vec![vec!["nonce".into(), "776797".into(), "20".into()]],
            content: "It's just me mining my own business".into(),
        };
        assert_eq!(event.id(), "000006d8c378af1779d2feebc7603a125d99eca0ccf1085959b307f64e5dd358");
        event.tags.insert(0, vec!["t".into(), "x".into()]);
        let mut next = 0;
        while !mine(&mut event, 8, &mut next, 64) {}
        assert!(difficulty(&event.id()) >= 8);
        assert_eq!(event.tags.len(), 2, "one nonce tag, replacing the old one");
        assert_eq!(event.tags[1][0], "nonce");
        assert_eq!(event.tags[1][2], "8");
    }
}
