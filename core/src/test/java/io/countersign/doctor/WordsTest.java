package io.countersign.doctor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The doctor's vocabulary against the official constants' names and numbers (agora-token 2.0.6). */
class WordsTest {

    /** DynamicKey5.js: MEDIA_CHANNEL_SERVICE 1, RECORDING_SERVICE 2, PUBLIC_SHARING_SERVICE 3, IN_CHANNEL_PERMISSION 4. */
    @Test
    void shouldName005ServiceTypesAsTheOfficialConstants() {
        String[] names = {"MEDIA_CHANNEL_SERVICE", "RECORDING_SERVICE", "PUBLIC_SHARING_SERVICE", "IN_CHANNEL_PERMISSION"};
        for (int type = 1; type <= 4; type++) {
            assertTrue(Words.dynamicKey5Service(type).startsWith(names[type - 1] + " ("), Words.dynamicKey5Service(type));
        }
        assertEquals("service type 5 (no official builder writes it)", Words.dynamicKey5Service(5));
        // noUpload "0" and audioVideoUpload "3" under key 1 (ALLOW_UPLOAD_IN_CHANNEL).
        assertEquals("ALLOW_UPLOAD_IN_CHANNEL: noUpload", Words.dynamicKey5Extra(1, "0"));
        assertEquals("ALLOW_UPLOAD_IN_CHANNEL: audioVideoUpload", Words.dynamicKey5Extra(1, "3"));
        assertEquals("ALLOW_UPLOAD_IN_CHANNEL: a value no official builder writes", Words.dynamicKey5Extra(1, "2"));
        assertEquals("extra key 2 (no official builder writes it)", Words.dynamicKey5Extra(2, "0"));
    }

    /** AccessToken2.js Rtm2Permissions: kMessageChannels 0 .. kUsers 4; kRead 0, kWrite 1. */
    @Test
    void shouldNameRtm2ResourcesAndPermissionsAsTheOfficialConstants() {
        String[] resources = {"message channels", "stream channels", "group channels", "server groups", "users"};
        for (int type = 0; type < resources.length; type++) {
            assertEquals(resources[type], Words.rtm2Resource(type));
        }
        assertEquals("resource type 5", Words.rtm2Resource(5));
        assertEquals("read", Words.rtm2Permission(0));
        assertEquals("write", Words.rtm2Permission(1));
        assertEquals("permission type 2", Words.rtm2Permission(2));
    }

    /** AccessToken.js (006) privileges: kJoinChannel 1 .. kPublishDataStream 4, kRtmLogin 1000. */
    @Test
    void shouldName006PrivilegesAsTheOfficialEnum() {
        assertEquals("kJoinChannel", Words.accessTokenPrivilege(1));
        assertEquals("kPublishAudioStream", Words.accessTokenPrivilege(2));
        assertEquals("kPublishVideoStream", Words.accessTokenPrivilege(3));
        assertEquals("kPublishDataStream", Words.accessTokenPrivilege(4));
        assertEquals("kRtmLogin", Words.accessTokenPrivilege(1000));
        assertEquals("privilege 5", Words.accessTokenPrivilege(5));
    }
}
