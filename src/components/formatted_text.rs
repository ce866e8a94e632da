//! Renders formatted comment text as DOM nodes (being written).
