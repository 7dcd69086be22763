package dev.imap4.client.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the response path with Jazzer: server bytes into the grammar reader and parsers
 * ({@link #parsers}), and into a whole client session through the command engine ({@link #session}).
 *
 * <p>In the normal build these run in regression mode: each replays the seeds in
 * {@code src/test/resources/dev/imap4/client/fuzz/ResponseFuzzTestInputs} (the server side of every
 * transcript, see {@link SeedCorpus}) plus the findings kept under its own method name there. To
 * fuzz one of them for five minutes (one fuzz test per run):
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B test -Dtest=ResponseFuzzTest#session -Djazzer.max_duration=5m
 * </pre>
 *
 * A crash is written to the inputs directory under the method's name and fails the run; it then
 * stays a regression seed. The corpus Jazzer grows goes to {@code .cifuzz-corpus/} (not committed).
 */
class ResponseFuzzTest {

    /** Bytes read line by line, each response given to its parser; only protocol errors may come out. */
    @FuzzTest(maxDuration = "2m")
    void parsers(byte[] server) {
        ResponseParsing.parseAll(server);
    }

    /** Bytes as the server side of a session of typed and raw commands with small limits. */
    @FuzzTest(maxDuration = "2m")
    void session(byte[] server) {
        FuzzedSession.run(server);
    }
}
