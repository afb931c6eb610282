//! One integration-test binary, one module per feature. Every test copies a
//! small project into a temporary folder and drives the real `konzept` binary.

mod fixture;

mod build;
mod check;
mod commonmark;
mod findings;
mod hostile;
mod isolation;
mod layers;
mod monitoring;
mod print;
mod sample;
mod scaffold;
mod serve;
mod texts;
mod translations;
