package io.vigil.unlisted;

/** A class in a package the architecture does not list yet, for the architecture's own test. */
public class UnlistedFamily {
}
