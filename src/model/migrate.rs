//! The path from older storage formats to the current one.
//!
//! Every format version has its own key namespace (`agora:v1:`, `agora:v2:`,
//! …), so versions never misread each other. When a version N+1 exists, this
//! module gains `from_vN`, which turns one vN entry into its vN+1 entry; the
//! store then runs the chain on load for every older key it finds, writes the
//! current entry, and moves the old one aside (never deleting what it could
//! not convert). The fixtures under `tests/fixtures/v<N>/` are kept forever
//! and `tests/stored_format.rs` migrates each one to the current version.
//!
//! Version 1 is the first format, so today the chain is empty: its later
//! additions (`parent`, `edited`, `deleted`) are optional fields that the
//! first v1 records simply lack.

use super::record::FORMAT_VERSION;

/// The current format version.
pub const CURRENT: u32 = FORMAT_VERSION;

/// The format version a key belongs to, if it is one of agora's keys.
pub fn version_of(key: &str) -> Option<u32> {
    key.strip_prefix("agora:v")?.split_once(':')?.0.parse().ok()
}

/// One stored entry brought to the current format: `None` if the key is not
/// agora's or its version is newer than this code knows (left untouched).
pub fn migrate(key: &str, value: &str) -> Option<(String, String)> {
    match version_of(key)? {
        CURRENT => Some((key.to_string(), value.to_string())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_read_from_the_key() {
        assert_eq!(version_of("agora:v1:t:c:a"), Some(1));
        assert_eq!(version_of("agora:v12:t:c:a"), Some(12));
        assert_eq!(version_of("agora:vx:t"), None);
        assert_eq!(version_of("host:v1:x"), None);
        assert_eq!(migrate("agora:v2:t:c:a", "{}"), None);
    }
}
