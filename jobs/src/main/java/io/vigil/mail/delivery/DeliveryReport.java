package io.vigil.mail.delivery;

/**
 * What one delivery run did.
 *
 * @param sent            emails the server accepted
 * @param retrying        failed sends that will be tried again
 * @param failed          failed sends that were the email's last attempt
 * @param serverUnavailable whether the run stopped early because the server could not be reached
 */
public record DeliveryReport(int sent, int retrying, int failed, boolean serverUnavailable) {
}
