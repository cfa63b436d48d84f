package org.linkway.fhir.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two Linkway CodeSystems of the hospital stay, code to display: how the person came to
 * hospital (the evaluation's admittance methods) and where they went on discharge. Neither is an
 * NHS Data Dictionary list, so they are Linkway's, published in schemas/fhir.
 */
public final class HospitalStayCodes {

    public static final String ADMISSION_METHOD = Urls.CS + "hospital-admission-method";
    public static final String DISCHARGE_LOCATION = Urls.CS + "hospital-discharge-location";

    private HospitalStayCodes() {}

    public static Map<String, String> admissionMethods() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ambulance", "Ambulance");
        m.put("emergency-department", "Emergency department");
        m.put("non-conveyance", "Seen by the ambulance service and not taken to hospital");
        m.put("mental-health-admission-avoidance", "Mental health admission avoidance");
        m.put("clinic", "Clinic");
        m.put("emergency-assessment-unit", "Emergency assessment unit");
        m.put("other", "Other");
        return m;
    }

    public static Map<String, String> dischargeLocations() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("usual-residence", "Usual place of residence");
        m.put("temporary-residence", "Temporary place of residence");
        m.put("care-home", "Care home");
        m.put("nursing-home", "Nursing home");
        m.put("community-hospital", "Community hospital");
        m.put("hospice", "Hospice");
        m.put("other-hospital", "Another hospital");
        m.put("died", "Died");
        m.put("other", "Other");
        return m;
    }
}
