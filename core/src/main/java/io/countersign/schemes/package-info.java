/**
 * Every scheme and every builder as plain data, for the tools built on the core: {@link
 * io.countersign.schemes.TokenScheme} decodes, encodes and verifies a token of any scheme as maps and lists,
 * {@link io.countersign.schemes.BuilderCatalog} describes every builder and its parameters once, and
 * {@link io.countersign.schemes.BuilderSpec#build} calls one by name. The adapter protocol, the command
 * line, the token server and the vector generator all read this package; the names are the official
 * Node API's.
 */
package io.countersign.schemes;
