package dev.tarjim.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalContextTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private LocalContext context(LocalFunction function) {
        return new LocalContext(function, "eu-west-1", new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @Test
    void describesTheFunctionAsLambdaDoes() {
        LocalContext c = context(LocalFunction.INGEST);

        assertThat(c.getFunctionName()).isEqualTo("IngestFunction");
        assertThat(c.getInvokedFunctionArn())
                .isEqualTo("arn:aws:lambda:eu-west-1:000000000000:function:IngestFunction");
        assertThat(c.getLogGroupName()).isEqualTo("/aws/lambda/IngestFunction");
        assertThat(c.getLogStreamName()).matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}");
        assertThat(c.getMemoryLimitInMB()).isEqualTo(1024);
        assertThat(c.getAwsRequestId()).isNotEqualTo(context(LocalFunction.INGEST).getAwsRequestId());
    }

    @Test
    void remainingTime_countsDownFromTheTimeout() throws InterruptedException {
        LocalContext c = context(new LocalFunction("Short", 128, Duration.ofMillis(300)));

        int first = c.getRemainingTimeInMillis();
        Thread.sleep(50);

        assertThat(first).isBetween(1, 300);
        assertThat(c.getRemainingTimeInMillis()).isLessThan(first);
    }

    @Test
    void logger_writesOneLinePerMessage() {
        LocalContext c = context(LocalFunction.API);

        c.getLogger().log("{\"level\":\"INFO\",\"message\":\"one\"}");
        c.getLogger().log("two\n".getBytes(StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"level\":\"INFO\",\"message\":\"one\"}\ntwo\n");
    }
}
