"""Shared test helpers and data (fixture modules): test modules import from here, never from
each other."""
