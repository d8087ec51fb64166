#include "BizChatExample.h"

namespace ledger::test {

QByteArray bizChatExamplePage()
{
    return QByteArray(R"json({
 "@odata.context": "https://graph.microsoft.com/beta/$metadata#Collection(microsoft.graph.aiInteraction)",
 "@odata.count": 2,
 "value": [
  {
   "id": "1732148357313",
   "sessionId": "19:YzBP1kUdkNjFtJnketPYT8kQdQ3A08Y51rDTxE_ENIk1@thread.v2",
   "requestId": "f128b7a9-657e-b420-201e-5602114a29f4",
   "appClass": "IPM.SkypeTeams.Message.Copilot.BizChat",
   "interactionType": "aiResponse",
   "conversationType": "bizchat",
   "etag": "1732148357313",
   "createdDateTime": "2024-11-21T00:19:17.313Z",
   "locale": "en-us",
   "contexts": [],
   "from": {
    "@odata.type": "#microsoft.graph.chatMessageFromIdentitySet",
    "device": null,
    "user": null,
    "application": {
     "@odata.type": "#microsoft.graph.teamworkApplicationIdentity",
     "id": "fb8d773d-7ef8-4ec0-a117-179f88add510",
     "displayName": "Microsoft 365 Chat",
     "applicationIdentityType": "bot"
    }
   },
   "body": {
    "contentType": "html",
    "content": "<attachment id=\"4062fb240a03490b98ccd7c86bb2bcbf\"></attachment>"
   },
   "attachments": [
    {
     "attachmentId": "4062fb240a03490b98ccd7c86bb2bcbf",
     "contentType": "application/vnd.microsoft.card.adaptive",
     "contentUrl": null,
     "content": "{\r\n  \"type\": \"AdaptiveCard\",\r\n  \"version\": \"1.0\",\r\n  \"body\": [\r\n    {\r\n      \"type\": \"TextBlock\",\r\n      \"text\": \"It looks like there were no important emails from last week. However, I found some relevant meetings and files that might be of interest to you.\\n\\nFrom your meetings last week:\\n- **[test meeting2 - export api](https://teams.microsoft.com/l/meeting/details?eventId=AAMkADcyZTMzNWZhLWE1YjAtNDc3Mi04MzBlLTc2NzEzOTE0MmU1ZQBGAAAAAAC5e4DRHIMCQJ-tS6nB82CZBwCMIOyf3WTwTIsBMwZamp77AAAAAAENAACMIOyf3WTwTIsBMwZamp77AABCrxI6AAA%3d)**: You discussed the need to send a reminder about an upcoming event, possibly Ignite, scheduled for next week. You emphasized the importance of the event and the reminder[1](https://teams.microsoft.com/l/meeting/details?eventId=AAMkADcyZTMzNWZhLWE1YjAtNDc3Mi04MzBlLTc2NzEzOTE0MmU1ZQBGAAAAAAC5e4DRHIMCQJ-tS6nB82CZBwCMIOyf3WTwTIsBMwZamp77AAAAAAENAACMIOyf3WTwTIsBMwZamp77AABCrxI6AAA%3d).\\n- **[new meeting to test copilot interaction in meetings](https://teams.microsoft.com/l/meeting/details?eventId=AAMkADcyZTMzNWZhLWE1YjAtNDc3Mi04MzBlLTc2NzEzOTE0MmU1ZQBGAAAAAAC5e4DRHIMCQJ-tS6nB82CZBwCMIOyf3WTwTIsBMwZamp77AAAAAAENAACMIOyf3WTwTIsBMwZamp77AABCrxI5AAA%3d)**: This meeting was held last Friday from 12:30 PM to 1 PM[2](https://teams.microsoft.com/l/meeting/details?eventId=AAMkADcyZTMzNWZhLWE1YjAtNDc3Mi04MzBlLTc2NzEzOTE0MmU1ZQBGAAAAAAC5e4DRHIMCQJ-tS6nB82CZBwCMIOyf3WTwTIsBMwZamp77AAAAAAENAACMIOyf3WTwTIsBMwZamp77AABCrxI5AAA%3d).\\n- **[teste meeting](https://teams.microsoft.com/l/meeting/details?eventId=AAMkADcyZTMzNWZhLWE1YjAtNDc3Mi04MzBlLTc2NzEzOTE0MmU1ZQBGAAAAAAC5e4DRHIMCQJ-tS6nB82CZBwCMIOyf3WTwTIsBMwZamp77AAAAAAENAACMIOyf3WTwTIsBMwZamp77AABAvsP6AAA%3d)**: You explained the significance of the Nobel Prize in Economics and announced the 2024 Nobel Prize winners, Darren Simon Johnson and James A. Robinson[3](https://teams.microsoft.com/l/meeting/details?eventId=AAMkADcyZTMzNWZhLWE1YjAtNDc3Mi04MzBlLTc2NzEzOTE0MmU1ZQBGAAAAAAC5e4DRHIMCQJ-tS6nB82CZBwCMIOyf3WTwTIsBMwZamp77AAAAAAENAACMIOyf3WTwTIsBMwZamp77AABAvsP6AAA%3d).\\n\\nAdditionally, there is a file titled **[OnCall DRI Handbook-v3](https://m365cpi17278319-my.sharepoint.com/personal/corat_m365cpi17278319_onmicrosoft_com/Documents/Microsoft%20Copilot%20Chat%20Files/OnCall%20DRI%20Handbook-v3.pdf?web=1)** that you last modified on February 4th, 2021. This document provides guidelines on handling incidents and includes important terminology and procedures[4](https://m365cpi17278319-my.sharepoint.com/personal/corat_m365cpi17278319_onmicrosoft_com/Documents/Microsoft%20Copilot%20Chat%20Files/OnCall%20DRI%20Handbook-v3.pdf?web=1).\\n\\nIs there anything specific you would like to know more about?\",\r\n      \"wrap\": true\r\n    },\r\n    {\r\n      \"type\": \"TextBlock\",\r\n      \"id\": \"MessageTextField\",\r\n      \"text\": \"It looks like there were no important emails from last week. However, I found some relevant meetings and files that might be of interest to you.\\n\\nFrom your meetings last week:\\n- **test meeting2 - export api[3]**: You discussed the need to send a reminder about an upcoming event, possibly Ignite, scheduled for next week. You emphasized the importance of the event and the reminder[^2^].\\n- **new meeting to test copilot interaction in meetings[3]**: This meeting was held last Friday from 12:30 PM to 1 PM[^3^].\\n- **teste meeting[3]**: You explained the significance of the Nobel Prize in Economics and announced the 2024 Nobel Prize winners, Darren Simon Johnson and James A. Robinson[^4^].\\n\\nAdditionally, there is a file titled **OnCall DRI Handbook-v3[2]** that you last modified on February 4th, 2021. This document provides guidelines on handling incidents and includes important terminology and procedures[^1^].\\n\\nIs there anything specific you would like to know more about?\",\r\n      \"wrap\": true\r\n    }\r\n  ]\r\n}",
     "name": null
    }
   ],
   "links": [
    {
     "linkUrl": "https://teams.microsoft.com/l/meeting/details?eventId=AAMkADcyZTMzNWZhLWE1YjAtNDc3Mi04MzBlLTc2NzEzOTE0MmU1ZQBGAAAAAAC5e4DRHIMCQJ-tS6nB82CZBwCMIOyf3WTwTIsBMwZamp77AAAAAAENAACMIOyf3WTwTIsBMwZamp77AABCrxI6AAA%3d&EntityRepresentationId=eed881a3-3121-4c71-8667-942284009b65",
     "displayName": "test meeting2 - export api",
     "linkType": "Event"
    },
    {
     "linkUrl": "https://teams.microsoft.com/l/meeting/details?eventId=AAMkADcyZTMzNWZhLWE1YjAtNDc3Mi04MzBlLTc2NzEzOTE0MmU1ZQBGAAAAAAC5e4DRHIMCQJ-tS6nB82CZBwCMIOyf3WTwTIsBMwZamp77AAAAAAENAACMIOyf3WTwTIsBMwZamp77AABCrxI6AAA%3d",
     "displayName": "test meeting2 - export api",
     "linkType": "Meeting"
    },
    {
     "linkUrl": "https://teams.microsoft.com/l/meeting/details?eventId=AAMkADcyZTMzNWZhLWE1YjAtNDc3Mi04MzBlLTc2NzEzOTE0MmU1ZQBGAAAAAAC5e4DRHIMCQJ-tS6nB82CZBwCMIOyf3WTwTIsBMwZamp77AAAAAAENAACMIOyf3WTwTIsBMwZamp77AABCrxI5AAA%3d&EntityRepresentationId=f0ccfd8e-4503-4a1d-b843-b61d63bc0cc0",
     "displayName": "new meeting to test copilot interaction in meetings",
     "linkType": "Event"
    },
    {
     "linkUrl": "https://teams.microsoft.com/l/meeting/details?eventId=AAMkADcyZTMzNWZhLWE1YjAtNDc3Mi04MzBlLTc2NzEzOTE0MmU1ZQBGAAAAAAC5e4DRHIMCQJ-tS6nB82CZBwCMIOyf3WTwTIsBMwZamp77AAAAAAENAACMIOyf3WTwTIsBMwZamp77AABCrxI5AAA%3d",
     "displayName": "new meeting to test copilot interaction in meetings",
     "linkType": "Meeting"
    },
    {
     "linkUrl": "https://teams.microsoft.com/l/meeting/details?eventId=AAMkADcyZTMzNWZhLWE1YjAtNDc3Mi04MzBlLTc2NzEzOTE0MmU1ZQBGAAAAAAC5e4DRHIMCQJ-tS6nB82CZBwCMIOyf3WTwTIsBMwZamp77AAAAAAENAACMIOyf3WTwTIsBMwZamp77AABAvsP6AAA%3d&EntityRepresentationId=c619b244-8016-45ca-a0fb-e6a55d28d252",
     "displayName": "teste meeting",
     "linkType": "Event"
    },
    {
     "linkUrl": "https://teams.microsoft.com/l/meeting/details?eventId=AAMkADcyZTMzNWZhLWE1YjAtNDc3Mi04MzBlLTc2NzEzOTE0MmU1ZQBGAAAAAAC5e4DRHIMCQJ-tS6nB82CZBwCMIOyf3WTwTIsBMwZamp77AAAAAAENAACMIOyf3WTwTIsBMwZamp77AABAvsP6AAA%3d",
     "displayName": "teste meeting",
     "linkType": "Meeting"
    },
    {
     "linkUrl": "https://m365cpi17278319-my.sharepoint.com/personal/corat_m365cpi17278319_onmicrosoft_com/Documents/Microsoft%20Copilot%20Chat%20Files/OnCall%20DRI%20Handbook-v3.pdf?web=1&EntityRepresentationId=025f05ac-5d7e-4ee1-b616-a786cd13d8c2",
     "displayName": "OnCall DRI Handbook-v3.pdf",
     "linkType": "File"
    }
   ],
   "mentions": []
  },
  {
   "id": "1732148356886",
   "sessionId": "19:YzBP1kUdkNjFtJnketPYT8kQdQ3A08Y51rDTxE_ENIk1@thread.v2",
   "requestId": "f128b7a9-657e-b420-201e-5602114a29f4",
   "appClass": "IPM.SkypeTeams.Message.Copilot.BizChat",
   "interactionType": "userPrompt",
   "conversationType": "bizchat",
   "etag": "1732148356886",
   "createdDateTime": "2024-11-21T00:19:16.886Z",
   "locale": "en-us",
   "contexts": [],
   "from": {
    "@odata.type": "#microsoft.graph.chatMessageFromIdentitySet",
    "application": null,
    "device": null,
    "user": {
     "@odata.type": "#microsoft.graph.teamworkUserIdentity",
     "id": "4db02e4b-d144-400e-b194-53253a34c5be",
     "displayName": "8:orgid:4db02e4b-d144-400e-b194-53253a34c5be",
     "userIdentityType": "aadUser",
     "tenantId": "061ea7c2-cc15-418b-bfc0-9f6a7d98011c"
    }
   },
   "body": {
    "contentType": "text",
    "content": "What should be on my radar from emails last week?"
   },
   "attachments": [],
   "links": [],
   "mentions": []
  }
 ]
})json");
}

} // namespace ledger::test
