//! One integration-test binary, one module per feature. Every test copies a
//! small project into a temporary folder and drives the real `konzept` binary.

mod fixture;

mod actors;
mod attachments;
mod build;
mod check;
mod commonmark;
mod findings;
mod hostile;
mod incremental;
mod isolation;
mod layers;
mod messages;
mod monitoring;
mod navigation;
mod prepress;
mod print;
mod reader;
mod robust;
mod sample;
mod scaffold;
mod serve;
mod texts;
mod translations;
