package dev.tarjim.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Lambda {@link Context} of one local invocation: a fresh request id, the function's name, memory and a
 * deadline from its timeout, and a logger that writes to the console as the Lambda runtime writes to CloudWatch.
 */
public final class LocalContext implements Context {
    static final String ACCOUNT_ID = "000000000000";

    private final LocalFunction function;
    private final String region;
    private final String requestId;
    private final String logStream;
    private final long deadlineMillis;
    private final LambdaLogger logger;

    /** A context for one invocation of the function starting now, logging to {@code out}. */
    public LocalContext(LocalFunction function, String region, PrintStream out) {
        this.function = function;
        this.region = region;
        this.requestId = UUID.randomUUID().toString();
        this.logStream = LocalDate.now(ZoneOffset.UTC).toString().replace('-', '/') + "/[$LATEST]"
                + HexFormat.of().formatHex(randomBytes(16));
        this.deadlineMillis = System.currentTimeMillis() + function.timeout().toMillis();
        this.logger = new ConsoleLogger(out);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + function.name();
    }

    @Override
    public String getLogStreamName() {
        return logStream;
    }

    @Override
    public String getFunctionName() {
        return function.name();
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + region + ":" + ACCOUNT_ID + ":function:" + function.name();
    }

    /** Null, as in Lambda for invocations that do not come from the AWS Mobile SDK. */
    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    /** Null, as in Lambda for invocations that do not come from the AWS Mobile SDK. */
    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return function.memoryMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    /** Writes each message as one line, as the Lambda runtime turns each call into one log event. */
    private record ConsoleLogger(PrintStream out) implements LambdaLogger {
        @Override
        public void log(String message) {
            String line = message == null ? "null" : message;
            synchronized (out) {
                out.print(line.endsWith("\n") ? line : line + "\n");
                out.flush();
            }
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    }
}
