package org.awardeval.call;

public enum CallStatus {
    OPEN, CLOSED, ANNOUNCED
}
