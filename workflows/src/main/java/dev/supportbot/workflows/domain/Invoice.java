package dev.supportbot.workflows.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

public record Invoice(String number, long billingAccountId, LocalDate date, BigDecimal amount) {}
