package dev.mjbridge.notify;

/**
 * How one POST went.
 *
 * @param status  the receiver's HTTP status, 0 when there was no answer
 * @param problem what went wrong in words (no URL in it), null when delivered
 */
record DeliveryResult(int status, String problem) {

    static DeliveryResult answered(int status) {
        return new DeliveryResult(status, status / 100 == 2 ? null : "HTTP " + status);
    }

    static DeliveryResult failed(String problem) {
        return new DeliveryResult(0, problem);
    }

    boolean delivered() {
        return status / 100 == 2;
    }
}
