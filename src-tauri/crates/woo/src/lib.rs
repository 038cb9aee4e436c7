//! WooCommerce on the receiving side: webhook signatures, reading a delivery into what it means
//! for Comptoir, and the HTTP listener that WooCommerce (through the tunnel) posts to.

pub mod delivery;
pub mod listener;
pub mod rest;
pub mod signature;

pub use delivery::{Delivery, DeliveryMeta, Payload, Ping};
pub use listener::{Intake, IntakeFailure, Listener, ListenerOptions, WEBHOOK_PATH};
pub use signature::{Secret, sign, verify};
