#pragma once
// Microsoft's documented Copilot Chat (BizChat) answer: Example 2 of the Graph reference page
// "aiInteractionHistory: getAllEnterpriseInteractions" (beta), a response page with the prompt and
// an answer whose Adaptive Card holds the answer twice (a Markdown TextBlock and a
// "MessageTextField" TextBlock). The @odata.nextLink (to graph.microsoft.com) is left out.
#include <QByteArray>

namespace ledger::test {

QByteArray bizChatExamplePage();

inline constexpr char kBizChatExampleUser[] = "4db02e4b-d144-400e-b194-53253a34c5be";

} // namespace ledger::test
