package dev.tracedesk.datasets.export;

import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;

/** The default redaction set. Order matters: keys before digits, cards before phone numbers. */
final class BuiltInRules {

    private BuiltInRules() {
    }

    static List<RedactionRule> all() {
        return List.of(
                new RedactionRule("bearer-token",
                        Pattern.compile("\\bBearer\\s+[A-Za-z0-9._~+/=-]{8,}"), s -> true),
                new RedactionRule("api-key",
                        Pattern.compile("\\bsk-[A-Za-z0-9_-]{16,}|\\bAKIA[0-9A-Z]{16}\\b"), s -> true),
                new RedactionRule("email",
                        Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"), s -> true),
                new RedactionRule("iban",
                        Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b"), BuiltInRules::ibanOk),
                new RedactionRule("card-number",
                        Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])"), BuiltInRules::luhnOk),
                // a separator is required, so a bare run of digits is never taken for a phone number
                new RedactionRule("phone",
                        Pattern.compile("(?<![\\w+]|\\d[ .-])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{2,4}\\)[ .-]?|\\d{2,4}[ .-])"
                                + "\\d{3,4}[ .-]?\\d{3,4}(?!\\w|[ .-]\\d)"), s -> true));
    }

    static boolean luhnOk(String text) {
        String digits = text.replaceAll("\\D", "");
        if (digits.length() < 13 || digits.length() > 19) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    static boolean ibanOk(String text) {
        String iban = text.replace(" ", "");
        if (iban.length() < 15 || iban.length() > 34) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
