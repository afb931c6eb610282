//! Tests of `serve`.
